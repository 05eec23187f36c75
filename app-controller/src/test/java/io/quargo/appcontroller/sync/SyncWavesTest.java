package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.engine;
import static io.quargo.appcontroller.sync.SyncFixtures.manifests;
import static io.quargo.appcontroller.sync.SyncFixtures.named;
import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.common.model.OperationPhase;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Waves against the sandbox: order of creation as the cluster saw it, waiting, timeout, terminate.
 */
@ExtendWith(SandboxClusterExtension.class)
class SyncWavesTest {

  private static final List<String> WAVE_OBJECTS =
      List.of(
          "Deployment/backend",
          "ConfigMap/frontend-config",
          "Service/frontend",
          "Deployment/frontend",
          "ConfigMap/smoke");

  @Test
  void wavesAndKindsAreCreatedInArgoOrderAfterThePreviousWaveIsHealthy(KubernetesClient client) {
    String namespace = unique("waves");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    try (CreationRecorder recorder =
        new CreationRecorder(client, namespace, CreationRecorder.workloadKinds())) {

      SyncResult result =
          engine(client).sync(SyncRequest.of(unique("waves"), namespace, manifests("waves")));

      assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(recorder.order().stream().filter(WAVE_OBJECTS::contains).toList())
                      .containsExactlyElementsOf(WAVE_OBJECTS));
      List<String> order = recorder.order();
      int backendPod = indexOfPrefix(order, "Pod/backend-");
      assertThat(backendPod)
          .as("the wave -1 Deployment's pod exists before wave 0 starts: %s", order)
          .isBetween(0, order.indexOf("ConfigMap/frontend-config"));
      assertThat(result.resources())
          .extracting(ResourceResult::wave)
          .containsExactly(-1, 0, 0, 0, 2);
    }
  }

  @Test
  void aDeploymentWhosePodFailsTimesOutItsWaveAndLaterWavesNeverRun(KubernetesClient client) {
    String namespace = unique("failing");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    List<ObjectNode> desired = manifests("waves");
    named(desired, "Deployment", "backend")
        .with("spec")
        .with("template")
        .with("metadata")
        .with("annotations")
        .put("sandbox.quargo.io/fail", "ImagePullBackOff");

    SyncResult result =
        engine(client, Duration.ofSeconds(2))
            .sync(SyncRequest.of(unique("failing"), namespace, desired));

    assertThat(result.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(result.message())
        .contains("Sync wave -1 did not become healthy within PT2S")
        .contains("apps/Deployment:" + namespace + "/backend (Progressing");
    assertThat(client.configMaps().inNamespace(namespace).withName("frontend-config").get())
        .isNull();
    assertThat(result.completedResources())
        .extracting(ResourceResult::name)
        .containsExactly("backend");
  }

  @Test
  void terminateStopsTheSyncBetweenWaves(KubernetesClient client) {
    String namespace = unique("terminate");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    Termination termination = new Termination();
    List<SyncResult> progress = new ArrayList<>();
    SyncListener terminateAfterFirstWave =
        state -> {
          progress.add(state);
          if (state.completedResources().stream().anyMatch(r -> r.name().equals("backend"))) {
            termination.terminate();
          }
        };

    SyncResult result =
        engine(client)
            .sync(
                SyncRequest.of(unique("terminate"), namespace, manifests("waves")),
                terminateAfterFirstWave,
                termination);

    assertThat(result.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(result.message()).isEqualTo("Operation terminated");
    assertThat(progress).extracting(SyncResult::phase).contains(OperationPhase.TERMINATING);
    assertThat(client.apps().deployments().inNamespace(namespace).withName("backend").get())
        .isNotNull();
    assertThat(client.configMaps().inNamespace(namespace).withName("frontend-config").get())
        .isNull();
    assertThat(client.configMaps().inNamespace(namespace).withName("smoke").get()).isNull();
  }

  @Test
  void aWaveWaitingForHealthSaysWhatForUntilTerminated(KubernetesClient client) {
    String namespace = unique("waiting");
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    List<ObjectNode> desired = manifests("waves");
    named(desired, "Deployment", "backend")
        .with("spec")
        .with("template")
        .with("metadata")
        .with("annotations")
        .put("sandbox.quargo.io/fail", "ImagePullBackOff");
    List<SyncResult> progress = new CopyOnWriteArrayList<>();
    Termination termination = new Termination();

    CompletableFuture<SyncResult> sync =
        CompletableFuture.supplyAsync(
            () ->
                engine(client, Duration.ofMinutes(5))
                    .sync(
                        SyncRequest.of(unique("waiting"), namespace, desired),
                        progress::add,
                        termination));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                progress.stream()
                    .anyMatch(
                        p ->
                            p.phase() == OperationPhase.RUNNING
                                && p.message()
                                    .equals(
                                        "waiting for healthy state of apps/Deployment/backend")));
    termination.terminate();
    await().atMost(Duration.ofSeconds(20)).until(sync::isDone);
    assertThat(sync.join().phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(sync.join().message()).isEqualTo("Operation terminated");
  }

  private static int indexOfPrefix(List<String> order, String prefix) {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
