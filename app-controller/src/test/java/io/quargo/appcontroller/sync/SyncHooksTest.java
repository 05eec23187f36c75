package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.engine;
import static io.quargo.appcontroller.sync.SyncFixtures.manifests;
import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hooks against the sandbox: PreSync before Sync, delete policies, PostSync failure and SyncFail.
 */
@ExtendWith(SandboxClusterExtension.class)
class SyncHooksTest {

  @Test
  void preSyncJobCompletesBeforeTheSyncPhaseAndIsDeletedOnSuccess(KubernetesClient client) {
    String namespace = unique("hooks");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    try (CreationRecorder recorder =
        new CreationRecorder(client, namespace, CreationRecorder.workloadKinds())) {

      SyncResult result =
          engine(client).sync(SyncRequest.of(unique("hooks"), namespace, manifests("hooks")));

      assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
      ResourceResult hook = result.resources().get(0);
      assertThat(hook.kind()).isEqualTo("Job");
      assertThat(hook.name()).isEqualTo("migrate-" + result.syncId() + "-presync");
      assertThat(hook.hookType()).isEqualTo("PreSync");
      assertThat(hook.hookPhase()).isEqualTo(OperationPhase.SUCCEEDED);
      assertThat(hook.syncPhase()).isEqualTo(SyncPhase.PRE_SYNC);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                List<String> order = recorder.order();
                assertThat(order).contains("Job/" + hook.name(), "ConfigMap/app-config");
                assertThat(order.indexOf("Job/" + hook.name()))
                    .isLessThan(order.indexOf("ConfigMap/app-config"));
              });
      assertThat(client.batch().v1().jobs().inNamespace(namespace).withName(hook.name()).get())
          .as("HookSucceeded deletes the job")
          .isNull();
      assertThat(client.configMaps().inNamespace(namespace).withName("on-failure").get())
          .as("SyncFail hooks run only when the sync fails")
          .isNull();
      assertThat(result.resources()).extracting(ResourceResult::name).doesNotContain("on-failure");
    }
  }

  @Test
  void aFailingPostSyncHookFailsTheSyncAndRunsTheSyncFailHook(KubernetesClient client) {
    String namespace = unique("postfail");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();

    SyncResult result =
        engine(client, Duration.ofSeconds(10))
            .sync(SyncRequest.of(unique("postfail"), namespace, manifests("failing-post-sync")));

    assertThat(result.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(result.message())
        .startsWith("PostSync hook Pod:" + namespace + "/smoke-test failed");
    assertThat(client.configMaps().inNamespace(namespace).withName("app-config").get()).isNotNull();
    String syncFailJob = "rollback-notice-" + result.syncId() + "-syncfail";
    assertThat(client.batch().v1().jobs().inNamespace(namespace).withName(syncFailJob).get())
        .isNotNull();
    assertThat(result.resources())
        .filteredOn(r -> r.syncPhase() == SyncPhase.SYNC_FAIL)
        .extracting(ResourceResult::name, ResourceResult::hookPhase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(syncFailJob, OperationPhase.SUCCEEDED));
    assertThat(result.resources())
        .filteredOn(r -> r.name().equals("smoke-test"))
        .extracting(ResourceResult::hookPhase)
        .containsExactly(OperationPhase.FAILED);
  }

  @Test
  void aNamedHookIsRecreatedOnTheNextSync(KubernetesClient client) {
    String namespace = unique("recreate");
    String app = unique("recreate");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    var desired = manifests("hooks");
    var job = desired.get(0);
    ((com.fasterxml.jackson.databind.node.ObjectNode) job.get("metadata"))
        .put("name", "migrate")
        .remove(List.of("generateName"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) job.path("metadata").path("annotations"))
        .remove("argocd.argoproj.io/hook-delete-policy");
    SyncEngine engine = engine(client);

    SyncResult first = engine.sync(SyncRequest.of(app, namespace, desired));
    String firstUid =
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace(namespace)
            .withName("migrate")
            .get()
            .getMetadata()
            .getUid();
    SyncResult second = engine.sync(SyncRequest.of(app, namespace, desired));

    assertThat(first.phase()).as(first.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(second.phase()).as(second.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withName("migrate")
                .get()
                .getMetadata()
                .getUid())
        .as("BeforeHookCreation (the default) deletes the old job first")
        .isNotEqualTo(firstUid);
  }

  @Test
  void terminateDeletesARunningHook(KubernetesClient client) {
    String namespace = unique("termhook");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    var desired = manifests("hooks");
    var pod =
        ManifestCodec.readAll(
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: never-finishes
                  annotations:
                    argocd.argoproj.io/hook: PreSync
                    sandbox.quargo.io/fail: ImagePullBackOff
                spec:
                  restartPolicy: Never
                  containers: [{name: wait, image: missing:1}]
                """)
            .get(0);
    Termination termination = new Termination();
    SyncListener terminateWhenHookRuns =
        state -> {
          if (state.resources().stream()
              .anyMatch(
                  r ->
                      r.name().equals("never-finishes")
                          && r.hookPhase() == OperationPhase.RUNNING)) {
            termination.terminate();
          }
        };

    SyncResult result =
        engine(client)
            .sync(
                SyncRequest.of(unique("termhook"), namespace, List.of(pod, desired.get(1))),
                terminateWhenHookRuns,
                termination);

    assertThat(result.message()).isEqualTo("Operation terminated");
    assertThat(result.resources())
        .filteredOn(r -> r.name().equals("never-finishes"))
        .extracting(ResourceResult::hookPhase, ResourceResult::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(OperationPhase.FAILED, "Terminated"));
    assertThat(client.pods().inNamespace(namespace).withName("never-finishes").get()).isNull();
    assertThat(client.configMaps().inNamespace(namespace).withName("app-config").get()).isNull();
  }
}
