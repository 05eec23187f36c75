package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.engine;
import static io.quargo.appcontroller.sync.SyncFixtures.manifests;
import static io.quargo.appcontroller.sync.SyncFixtures.named;
import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.model.application.OperationState;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Syncs Argo CD's guestbook into the sandbox cluster: create, three-way merge, sync options. */
@ExtendWith(SandboxClusterExtension.class)
class SyncGuestbookTest {

  @Test
  void guestbookIsCreatedInANewNamespaceAndBecomesHealthy(KubernetesClient client) {
    String app = unique("guestbook");
    String namespace = unique("gb");
    List<SyncResult> progress = new ArrayList<>();

    SyncResult result =
        engine(client)
            .sync(
                SyncRequest.of(app, namespace, manifests("guestbook"))
                    .withRevision("abc123")
                    .withSyncOptions(List.of("CreateNamespace=true")),
                progress::add,
                new Termination());

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.message()).isEqualTo("successfully synced (all tasks run)");
    assertThat(result.revision()).isEqualTo("abc123");
    assertThat(result.resources())
        .extracting(ResourceResult::kind, ResourceResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Namespace", ResultCode.SYNCED),
            org.assertj.core.groups.Tuple.tuple("Service", ResultCode.SYNCED),
            org.assertj.core.groups.Tuple.tuple("Deployment", ResultCode.SYNCED));
    Deployment deployment =
        client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get();
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/instance", app);
    ObjectNode live = ClusterObjects.tree(deployment);
    assertThat(HealthAssessor.standard().assess(live).status()).isEqualTo(HealthStatusCode.HEALTHY);
    assertThat(progress).hasSizeGreaterThan(3);
    assertThat(progress.get(0).phase()).isEqualTo(OperationPhase.RUNNING);
    OperationState state = result.applyTo(new OperationState());
    assertThat(state.getPhase()).isEqualTo("Succeeded");
    assertThat(state.getFinishedAt()).isNotNull();
    assertThat(state.getSyncResult()).containsEntry("revision", "abc123");
    assertThat((List<?>) state.getSyncResult().get("resources"))
        .last()
        .isEqualTo(
            Map.of(
                "group", "apps",
                "version", "v1",
                "kind", "Deployment",
                "namespace", namespace,
                "name", "guestbook-ui",
                "status", "Synced",
                "message", "deployment.apps/guestbook-ui created",
                "syncPhase", "Sync"));
  }

  @Test
  void appsSyncingIntoOneNewNamespaceAtOnceAllSucceed(KubernetesClient client) throws Exception {
    String namespace = unique("shared");
    List<java.util.concurrent.Callable<SyncResult>> syncs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String app = unique("cm-app");
      ObjectNode configMap =
          (ObjectNode)
              io.quargo.common.json.Json.mapper()
                  .readTree(
                      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
                          + app
                          + "\"},\"data\":{\"k\":\"v\"}}");
      syncs.add(
          () ->
              engine(client)
                  .sync(
                      SyncRequest.of(app, namespace, List.of(configMap))
                          .withSyncOptions(List.of("CreateNamespace=true"))));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(syncs.size());
    try {
      for (var future : pool.invokeAll(syncs)) {
        SyncResult result = future.get();
        assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void threeWayMergeRemovesWhatGitDroppedAndKeepsWhatOthersAdded(KubernetesClient client) {
    String app = unique("merge");
    String namespace = unique("merge");
    SyncEngine engine = engine(client);
    List<ObjectNode> desired = manifests("guestbook");
    sync(engine, app, namespace, desired);
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .edit(
            d -> {
              d.getMetadata().getAnnotations().put("team.example.com/owner", "payments");
              return d;
            });

    named(desired, "Deployment", "guestbook-ui").with("metadata").with("labels").remove("tier");
    SyncResult second = sync(engine, app, namespace, desired);

    assertThat(second.phase()).as(second.message()).isEqualTo(OperationPhase.SUCCEEDED);
    Deployment live =
        client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get();
    assertThat(live.getMetadata().getLabels()).doesNotContainKey("tier");
    assertThat(live.getMetadata().getAnnotations())
        .containsEntry("team.example.com/owner", "payments")
        .containsKey("kubectl.kubernetes.io/last-applied-configuration");
    assertThat(engine.serverSideApplySupported()).isFalse();
  }

  @Test
  void applyOutOfSyncOnlySkipsUnchangedObjects(KubernetesClient client) {
    String app = unique("oos");
    String namespace = unique("oos");
    SyncEngine engine = engine(client);
    List<ObjectNode> desired = manifests("guestbook");
    sync(engine, app, namespace, desired);
    String serviceVersion = serviceVersion(client, namespace);
    named(desired, "Deployment", "guestbook-ui").with("spec").put("replicas", 2);

    SyncResult second =
        engine.sync(
            SyncRequest.of(app, namespace, desired)
                .withSyncOptions(List.of("ApplyOutOfSyncOnly=true")));

    assertThat(second.phase()).as(second.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(second.resources()).extracting(ResourceResult::kind).containsExactly("Deployment");
    assertThat(serviceVersion(client, namespace)).isEqualTo(serviceVersion);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName("guestbook-ui")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void failOnSharedResourceRefusesAnObjectOfAnotherApp(KubernetesClient client) {
    String namespace = unique("shared");
    SyncEngine engine = engine(client);
    sync(engine, unique("owner"), namespace, manifests("guestbook"));

    SyncResult result =
        engine.sync(
            SyncRequest.of(unique("intruder"), namespace, manifests("guestbook"))
                .withSyncOptions(List.of("FailOnSharedResource=true")));

    assertThat(result.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(result.message())
        .contains("apps/Deployment:" + namespace + "/guestbook-ui is part of application owner");
  }

  @Test
  void selectiveSyncAppliesOnlyTheSelectedResource(KubernetesClient client) {
    String app = unique("selective");
    String namespace = unique("selective");
    client.namespaces().resource(namespace(namespace)).create();

    SyncResult result =
        engine(client)
            .sync(
                SyncRequest.of(app, namespace, manifests("guestbook"))
                    .withResources(
                        List.of(new ResourceKey("", "Service", namespace, "guestbook-ui"))));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(client.services().inNamespace(namespace).withName("guestbook-ui").get()).isNotNull();
    assertThat(client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get())
        .isNull();
  }

  @Test
  void dryRunRefusesAMissingNamespaceAndWritesNothing(KubernetesClient client) {
    String namespace = unique("absent");

    SyncResult result =
        engine(client).sync(SyncRequest.of(unique("nons"), namespace, manifests("guestbook")));

    assertThat(result.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(result.message())
        .startsWith("one or more synchronization tasks are not valid")
        .contains("namespaces \"" + namespace + "\" not found");
    assertThat(client.services().inNamespace(namespace).list().getItems()).isEmpty();
  }

  private static SyncResult sync(
      SyncEngine engine, String app, String namespace, List<ObjectNode> desired) {
    SyncResult result =
        engine.sync(
            SyncRequest.of(app, namespace, desired)
                .withSyncOptions(List.of("CreateNamespace=true")));
    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    return result;
  }

  private static String serviceVersion(KubernetesClient client, String namespace) {
    return client
        .services()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .get()
        .getMetadata()
        .getResourceVersion();
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
    return new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .build();
  }
}
