package io.quargo.devstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Merge, strategic merge and apply patches and /scale, with the fabric8 client over HTTP. */
class SandboxPatchTest {
  static SandboxCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = SandboxCluster.start(SandboxOptions.defaults().withSimulator(false));
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static Deployment deployment(String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("patch")
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage("nginx:1.25")
        .addNewPort()
        .withContainerPort(80)
        .endPort()
        .addNewEnv()
        .withName("A")
        .withValue("1")
        .endEnv()
        .endContainer()
        .addNewContainer()
        .withName("sidecar")
        .withImage("busybox:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void mergePatchReplacesArraysAndDeletesOnNull() {
    client
        .configMaps()
        .inNamespace("patch")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("m")
                .addToFinalizers("a.example/one", "a.example/two")
                .addToLabels("keep", "yes")
                .addToLabels("drop", "yes")
                .endMetadata()
                .addToData("x", "1")
                .addToData("y", "2")
                .build())
        .create();
    String before =
        client
            .configMaps()
            .inNamespace("patch")
            .withName("m")
            .get()
            .getMetadata()
            .getResourceVersion();

    ConfigMap patched =
        client
            .configMaps()
            .inNamespace("patch")
            .withName("m")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"finalizers\":[\"a.example/three\"],\"labels\":{\"drop\":null}},"
                    + "\"data\":{\"y\":null,\"z\":\"3\"}}");

    assertThat(patched.getMetadata().getFinalizers()).containsExactly("a.example/three");
    assertThat(patched.getMetadata().getLabels()).containsExactly(Map.entry("keep", "yes"));
    assertThat(patched.getData()).containsOnly(Map.entry("x", "1"), Map.entry("z", "3"));
    assertThat(patched.getMetadata().getResourceVersion()).isNotEqualTo(before);
  }

  @Test
  void strategicMergePatchMergesContainersByName() {
    client.apps().deployments().inNamespace("patch").resource(deployment("smp")).create();

    Deployment patched =
        client
            .apps()
            .deployments()
            .inNamespace("patch")
            .withName("smp")
            .patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\","
                    + "\"image\":\"nginx:1.27\",\"env\":[{\"name\":\"B\",\"value\":\"2\"}]}]}}}}");

    var containers = patched.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).extracting("name").containsExactly("web", "sidecar");
    assertThat(containers.get(0).getImage()).isEqualTo("nginx:1.27");
    assertThat(containers.get(0).getPorts()).extracting("containerPort").containsExactly(80);
    assertThat(containers.get(0).getEnv()).extracting("name").containsExactly("A", "B");
    assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void applyPatchCreatesThenUpdates() {
    Deployment created =
        client
            .apps()
            .deployments()
            .inNamespace("patch")
            .resource(deployment("ssa"))
            .serverSideApply();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);

    Deployment changed = deployment("ssa");
    changed.getSpec().setReplicas(3);
    changed.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27");
    Deployment updated =
        client.apps().deployments().inNamespace("patch").resource(changed).serverSideApply();

    assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(updated.getSpec().getReplicas()).isEqualTo(3);
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(updated.getSpec().getTemplate().getSpec().getContainers())
        .extracting("image")
        .containsExactly("nginx:1.27", "busybox:1");
  }

  @Test
  void scaleSubresourceAnswersAndChangesReplicas() {
    client.apps().deployments().inNamespace("patch").resource(deployment("sc")).create();

    client.apps().deployments().inNamespace("patch").withName("sc").scale(4);

    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("patch")
                .withName("sc")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(4);
    var scale = client.apps().deployments().inNamespace("patch").withName("sc").scale();
    assertThat(scale.getSpec().getReplicas()).isEqualTo(4);
    assertThat(scale.getStatus().getSelector()).isEqualTo("app=sc");
  }

  @Test
  void statusIsEmptiedOnCreateAndKeptOnWholeObjectUpdate() {
    Deployment d = deployment("st");
    d.setStatus(
        new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(9).build());
    client.apps().deployments().inNamespace("patch").resource(d).create();
    assertThat(client.apps().deployments().inNamespace("patch").withName("st").get().getStatus())
        .as("the sent status is dropped and the empty one stored, as the API server does")
        .isEqualTo(new io.fabric8.kubernetes.api.model.apps.DeploymentStatus());

    Deployment withStatus = client.apps().deployments().inNamespace("patch").withName("st").get();
    withStatus.setStatus(
        new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(2).build());
    client.apps().deployments().inNamespace("patch").resource(withStatus).updateStatus();
    Deployment again = client.apps().deployments().inNamespace("patch").withName("st").get();
    again.setStatus(null);
    again.getSpec().setReplicas(5);
    client.apps().deployments().inNamespace("patch").resource(again).update();

    Deployment stored = client.apps().deployments().inNamespace("patch").withName("st").get();
    assertThat(stored.getStatus().getReplicas()).isEqualTo(2);
    assertThat(stored.getSpec().getReplicas()).isEqualTo(5);
    assertThat(List.of(stored.getMetadata().getGeneration())).containsExactly(2L);
  }
}
