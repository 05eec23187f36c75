package io.quargo.appcontroller.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: times syncs against the sandbox (first create, an unchanged re-sync, an
 * ApplyOutOfSyncOnly re-sync, guestbook to Healthy). Run with {@code -Dquargo.bench=true
 * -Dtest=SyncBenchmark}.
 */
@ExtendWith(SandboxClusterExtension.class)
class SyncBenchmark {

  @Test
  @EnabledIfSystemProperty(named = "quargo.bench", matches = "true")
  void timesSyncs(KubernetesClient client) {
    int count = Integer.getInteger("quargo.bench.objects", 200);
    SyncEngine engine = SyncFixtures.engine(client, Duration.ofSeconds(60));
    engine.sync(guestbook("warmup")); // discovery, client and JIT warm-up
    String namespace = SyncFixtures.unique("bench");
    List<ObjectNode> maps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      maps.addAll(
          ManifestCodec.readAll(
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-%d}\ndata: {i: \"%d\"}"
                  .formatted(i, i)));
    }
    SyncRequest request =
        SyncRequest.of("bench", namespace, maps).withSyncOptions(List.of("CreateNamespace=true"));

    long create = time(engine, request);
    long again = time(engine, request);
    long outOfSyncOnly =
        time(
            engine,
            request.withSyncOptions(List.of("CreateNamespace=true", "ApplyOutOfSyncOnly=true")));
    long guestbook = time(engine, guestbook("bench-gb"));

    System.out.printf(
        "sync of %d ConfigMaps: create %d ms, unchanged re-sync %d ms, ApplyOutOfSyncOnly %d ms;"
            + " guestbook to Healthy %d ms%n",
        count, create, again, outOfSyncOnly, guestbook);
  }

  private static SyncRequest guestbook(String prefix) {
    return SyncRequest.of(
            SyncFixtures.unique(prefix),
            SyncFixtures.unique(prefix),
            SyncFixtures.manifests("guestbook"))
        .withSyncOptions(List.of("CreateNamespace=true"));
  }

  private static long time(SyncEngine engine, SyncRequest request) {
    long start = System.nanoTime();
    SyncResult result = engine.sync(request);
    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    return (System.nanoTime() - start) / 1_000_000;
  }
}
