package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.engine;
import static io.quargo.appcontroller.sync.SyncFixtures.manifests;
import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.common.model.OperationPhase;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A CronJob that has never been scheduled is Healthy, so a sync with one ends. */
@ExtendWith(SandboxClusterExtension.class)
class SyncCronJobTest {

  @Test
  void aSyncWithACronJobNotYetScheduledSucceeds(KubernetesClient client) {
    String namespace = unique("cronjob");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();

    CompletableFuture<SyncResult> sync =
        CompletableFuture.supplyAsync(
            () ->
                engine(client, Duration.ofMinutes(5))
                    .sync(SyncRequest.of(unique("cronjob"), namespace, manifests("cronjob"))));

    await().atMost(Duration.ofSeconds(30)).until(sync::isDone);
    SyncResult result = sync.join();
    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::kind)
        .containsExactlyInAnyOrder("Deployment", "CronJob");
  }
}
