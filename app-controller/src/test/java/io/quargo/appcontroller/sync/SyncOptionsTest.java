package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.engine;
import static io.quargo.appcontroller.sync.SyncFixtures.manifests;
import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.model.application.ResourceIgnoreDifferences;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sync options against the sandbox: RespectIgnoreDifferences, Replace, ServerSideApply. */
@ExtendWith(SandboxClusterExtension.class)
class SyncOptionsTest {

  @Test
  void respectIgnoreDifferencesKeepsTheLiveValueOfAnIgnoredField(KubernetesClient client) {
    String app = unique("respect");
    String namespace = unique("respect");
    SyncEngine engine = engine(client);
    SyncRequest request =
        SyncRequest.of(app, namespace, manifests("guestbook"))
            .withSyncOptions(List.of("CreateNamespace=true"))
            .withIgnoreDifferences(List.of(ignoreReplicas()));
    assertThat(engine.sync(request).phase()).isEqualTo(OperationPhase.SUCCEEDED);
    scaleTo(client, namespace, 3);

    SyncResult respected =
        engine.sync(
            request.withSyncOptions(
                List.of("CreateNamespace=true", "RespectIgnoreDifferences=true")));
    int replicasAfterRespect = deployment(client, namespace).getSpec().getReplicas();
    SyncResult plain = engine.sync(request);

    assertThat(respected.phase()).as(respected.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(replicasAfterRespect).isEqualTo(3);
    assertThat(plain.phase()).as(plain.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(deployment(client, namespace).getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void replaceWritesTheWholeObjectDroppingFieldsOthersAdded(KubernetesClient client) {
    String app = unique("replace");
    String namespace = unique("replace");
    SyncEngine engine = engine(client);
    SyncRequest request =
        SyncRequest.of(app, namespace, manifests("guestbook"))
            .withSyncOptions(List.of("CreateNamespace=true"));
    engine.sync(request);
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .edit(
            d -> {
              d.getMetadata().getAnnotations().put("added-by", "someone-else");
              return d;
            });

    SyncResult result =
        engine.sync(request.withSyncOptions(List.of("CreateNamespace=true", "Replace=true")));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .filteredOn(r -> r.kind().equals("Deployment"))
        .extracting(ResourceResult::message)
        .containsExactly("deployment.apps/guestbook-ui replaced");
    assertThat(deployment(client, namespace).getMetadata().getAnnotations())
        .doesNotContainKey("added-by");
  }

  @Test
  void serverSideApplyOptionForcesServerSideApply(KubernetesClient client) {
    String namespace = unique("ssa");
    SyncEngine engine = engine(client);

    SyncResult result =
        engine.sync(
            SyncRequest.of(unique("ssa"), namespace, manifests("guestbook"))
                .withSyncOptions(List.of("CreateNamespace=true", "ServerSideApply=true")));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .filteredOn(r -> r.kind().equals("Deployment"))
        .extracting(ResourceResult::message)
        .containsExactly("deployment.apps/guestbook-ui created (server-side apply)");
    assertThat(deployment(client, namespace).getMetadata().getAnnotations())
        .doesNotContainKey("kubectl.kubernetes.io/last-applied-configuration");
    assertThat(engine.serverSideApplySupported()).as("a forced apply decides nothing").isNull();
  }

  @Test
  void aMalformedSyncOptionIsRefusedByName() {
    assertThatThrownBy(() -> SyncOptionSet.of(List.of("CreateNamespace")))
        .hasMessageContaining("sync option \"CreateNamespace\" is not KEY=VALUE");
  }

  private static ResourceIgnoreDifferences ignoreReplicas() {
    ResourceIgnoreDifferences rule = new ResourceIgnoreDifferences();
    rule.setGroup("apps");
    rule.setKind("Deployment");
    rule.setJsonPointers(List.of("/spec/replicas"));
    return rule;
  }

  private static void scaleTo(KubernetesClient client, String namespace, int replicas) {
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .edit(
            d -> {
              d.getSpec().setReplicas(replicas);
              return d;
            });
  }

  private static Deployment deployment(KubernetesClient client, String namespace) {
    return client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get();
  }
}
