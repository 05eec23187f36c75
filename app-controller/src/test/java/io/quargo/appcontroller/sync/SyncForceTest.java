package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Argo's force ({@code strategy.*.force}, {@code Force=true}): a Job whose template changed is
 * refused with 422 "field is immutable" (by {@link ImmutableFieldsServer} in front of the sandbox,
 * which validates no fields) and, forced, deleted and created again.
 */
@ExtendWith(SandboxClusterExtension.class)
class SyncForceTest {

  private KubernetesClient client;
  private ImmutableFieldsServer server;
  private SyncEngine engine;
  private String namespace;
  private String app;

  @BeforeEach
  void sandbox(KubernetesClient client) {
    this.client = client;
    ClusterObjects cluster = new ClusterObjects(client);
    server = new ImmutableFieldsServer(cluster);
    engine =
        new SyncEngine(
            cluster,
            HealthAssessor.standard(),
            SyncConfig.defaults()
                .withHealthTimeout(Duration.ofSeconds(20))
                .withPollInterval(Duration.ofMillis(50)),
            server);
    namespace = unique("force");
    app = unique("force");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
  }

  @Test
  void withoutForceAnImmutableChangeFailsAndTheJobStays() {
    assertThat(sync(job("1", null), SyncStrategy.HOOK).phase()).isEqualTo(OperationPhase.SUCCEEDED);
    String uid = uid();

    SyncResult result = sync(job("2", null), SyncStrategy.HOOK);

    assertThat(result.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(result.message()).contains("spec.template: Invalid value: field is immutable");
    assertThat(uid()).isEqualTo(uid);
    assertThat(image()).isEqualTo("example/migrate:1");
  }

  @Test
  void theForceStrategyDeletesAndCreatesTheJobAgain() {
    sync(job("1", null), SyncStrategy.HOOK);
    String uid = uid();

    SyncResult result = sync(job("2", null), new SyncStrategy(false, true));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(uid()).isNotEqualTo(uid);
    assertThat(image()).isEqualTo("example/migrate:2");
    assertThat(result.resources().get(0).message())
        .startsWith("job.batch/migrate configured (force: deleted and created again;")
        .contains("field is immutable");
  }

  @Test
  void theApplyStrategyForcesToo() {
    sync(job("1", null), SyncStrategy.HOOK);
    String uid = uid();

    SyncResult result = sync(job("2", null), new SyncStrategy(true, true));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(uid()).isNotEqualTo(uid);
  }

  @Test
  void theForceSyncOptionOnTheResourceForcesIt() {
    sync(job("1", null), SyncStrategy.HOOK);
    String uid = uid();

    SyncResult result = sync(job("2", "Force=true"), SyncStrategy.HOOK);

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(uid()).isNotEqualTo(uid);
    assertThat(image()).isEqualTo("example/migrate:2");
  }

  @Test
  void forceWithReplaceAlwaysDeletesAndCreates() {
    sync(job("1", null), SyncStrategy.HOOK);
    String uid = uid();

    SyncResult result = sync(job("1", "Force=true,Replace=true"), SyncStrategy.HOOK);

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(uid())
        .as("kubectl replace --force re-creates even an unchanged object")
        .isNotEqualTo(uid);
    assertThat(result.resources().get(0).message())
        .isEqualTo("job.batch/migrate replaced (force: deleted and created again)");
  }

  @Test
  void whenCreatingItAgainFailsTheOldJobIsRestored() {
    sync(job("1", null), SyncStrategy.HOOK);
    server.refuseNextCreateOf("migrate");

    SyncResult result = sync(job("2", null), new SyncStrategy(false, true));

    assertThat(result.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(result.message())
        .contains("force: creating Job migrate again failed, the old object is restored");
    assertThat(image()).isEqualTo("example/migrate:1");
  }

  @Test
  void namespacesAndCrdsAreNeverRecreated() {
    assertThat(ForcedRecreation.allowedFor(kind("", "Namespace"))).isFalse();
    assertThat(
            ForcedRecreation.allowedFor(kind("apiextensions.k8s.io", "CustomResourceDefinition")))
        .isFalse();
    assertThat(ForcedRecreation.allowedFor(kind("batch", "Job"))).isTrue();
    assertThat(ForcedRecreation.allowedFor(kind("example.com", "Namespace"))).isTrue();
  }

  private static ApiKind kind(String group, String kind) {
    return new ApiKind(group, "v1", kind, kind.toLowerCase() + "s", false, List.of());
  }

  private SyncResult sync(ObjectNode job, SyncStrategy strategy) {
    return engine.sync(SyncRequest.of(app, namespace, List.of(job)).withStrategy(strategy));
  }

  /** A Job (not a hook) running {@code example/migrate:<tag>}, with these sync options. */
  private static ObjectNode job(String tag, String syncOptions) {
    String annotations =
        syncOptions == null
            ? ""
            : "  annotations:\n    argocd.argoproj.io/sync-options: " + syncOptions + "\n";
    return ManifestCodec.readAll(
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            %sspec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: migrate
                      image: example/migrate:%s
            """
                .formatted(annotations, tag))
        .get(0);
  }

  private Job live() {
    return client.batch().v1().jobs().inNamespace(namespace).withName("migrate").get();
  }

  private String uid() {
    return live().getMetadata().getUid();
  }

  private String image() {
    return live().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }
}
