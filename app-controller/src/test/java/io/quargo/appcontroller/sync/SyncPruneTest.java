package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.engine;
import static io.quargo.appcontroller.sync.SyncFixtures.manifests;
import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.common.model.OperationPhase;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pruning against the sandbox: off by default, Prune=false, PruneLast after the last wave. */
@ExtendWith(SandboxClusterExtension.class)
class SyncPruneTest {

  @Test
  void withoutPruneLeftoversAreReportedAndKept(KubernetesClient client) {
    String app = unique("noprune");
    String namespace = given(client, app);

    SyncResult result =
        engine(client).sync(SyncRequest.of(app, namespace, manifests("prune-desired")));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .filteredOn(r -> r.status() == ResultCode.PRUNE_SKIPPED)
        .extracting(ResourceResult::name, ResourceResult::message)
        .containsExactlyInAnyOrder(
            tuple("removed-from-git", "ignored (requires pruning)"),
            tuple("keep-me", "ignored (requires pruning)"),
            tuple("prune-me-last", "ignored (requires pruning)"));
    assertThat(names(client, namespace))
        .contains("removed-from-git", "keep-me", "prune-me-last", "current", "late");
  }

  @Test
  void pruneDeletesLeftoversKeepsPruneFalseAndPrunesLastAtTheEnd(KubernetesClient client) {
    String app = unique("prune");
    String namespace = given(client, app);
    Map<String, List<String>> liveWhenPruned = new ConcurrentHashMap<>();
    SyncListener recordLiveAtPrune =
        state ->
            state.completedResources().stream()
                .filter(r -> r.status() == ResultCode.PRUNED)
                .forEach(
                    r -> liveWhenPruned.computeIfAbsent(r.name(), n -> names(client, namespace)));

    SyncResult result =
        engine(client)
            .sync(
                SyncRequest.of(app, namespace, manifests("prune-desired")).withPrune(true),
                recordLiveAtPrune,
                new Termination());

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::name, ResourceResult::status, ResourceResult::wave)
        .containsExactly(
            tuple("current", ResultCode.SYNCED, 0),
            tuple("keep-me", ResultCode.PRUNE_SKIPPED, 0),
            tuple("removed-from-git", ResultCode.PRUNED, 0),
            tuple("late", ResultCode.SYNCED, 1),
            tuple("prune-me-last", ResultCode.PRUNED, 2));
    assertThat(names(client, namespace)).containsExactlyInAnyOrder("current", "late", "keep-me");
    assertThat(liveWhenPruned.get("removed-from-git")).doesNotContain("late");
    assertThat(liveWhenPruned.get("prune-me-last")).contains("late");
  }

  @Test
  void selectiveSyncPrunesOnlySelectedLeftovers(KubernetesClient client) {
    String app = unique("selprune");
    String namespace = given(client, app);
    var key =
        new io.quargo.appcontroller.diff.ResourceKey(
            "", "ConfigMap", namespace, "removed-from-git");

    SyncResult result =
        engine(client)
            .sync(
                SyncRequest.of(app, namespace, manifests("prune-desired"))
                    .withPrune(true)
                    .withResources(List.of(key)));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::name, ResourceResult::status)
        .containsExactly(tuple("removed-from-git", ResultCode.PRUNED));
    assertThat(names(client, namespace)).containsExactlyInAnyOrder("keep-me", "prune-me-last");
  }

  /** A namespace holding what an earlier sync of {@code app} left, tracked by its label. */
  private static String given(KubernetesClient client, String app) {
    String namespace = unique("prune");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    ClusterObjects cluster = new ClusterObjects(client);
    for (ObjectNode leftover : manifests("prune-leftovers")) {
      ((ObjectNode) leftover.get("metadata")).put("namespace", namespace);
      ((ObjectNode) leftover.get("metadata"))
          .putObject("labels")
          .put("app.kubernetes.io/instance", app);
      cluster.create(cluster.catalog().find("v1", "ConfigMap").orElseThrow(), leftover);
    }
    return namespace;
  }

  private static List<String> names(KubernetesClient client, String namespace) {
    List<String> names = new ArrayList<>();
    for (ConfigMap map : client.configMaps().inNamespace(namespace).list().getItems()) {
      names.add(map.getMetadata().getName());
    }
    return names;
  }
}
