package io.quargo.devstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator turns Deployments into ReplicaSets and ready Pods, as a cluster would. */
class SandboxDeploymentTest {
  static SandboxCluster cluster;
  static KubernetesClient client;
  static final String NS = "deploy";

  @BeforeAll
  static void start() {
    cluster =
        SandboxCluster.start(SandboxOptions.defaults().withSimulatorDelay(Duration.ofMillis(100)));
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static Deployment get(String name) {
    return client.apps().deployments().inNamespace(NS).withName(name).get();
  }

  static List<Pod> pods(String app) {
    return client.pods().inNamespace(NS).withLabel("app", app).list().getItems();
  }

  static DeploymentCondition condition(Deployment d, String type) {
    return d.getStatus() == null
        ? null
        : d.getStatus().getConditions().stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst()
            .orElse(null);
  }

  static boolean available(Deployment d) {
    DeploymentCondition c = condition(d, "Available");
    return c != null && "True".equals(c.getStatus());
  }

  @Test
  void newDeploymentBecomesAvailableWithReadyOwnedPods() {
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(Workloads.deployment(NS, "web", 3, "nginx:1"))
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Deployment d = get("web");
              assertThat(d.getStatus().getReadyReplicas()).isEqualTo(3);
              assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(3);
              assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(3);
              assertThat(d.getStatus().getObservedGeneration())
                  .isEqualTo(d.getMetadata().getGeneration());
              assertThat(available(d)).isTrue();
              assertThat(condition(d, "Progressing").getReason())
                  .isEqualTo("NewReplicaSetAvailable");
            });
    List<ReplicaSet> rs =
        client.apps().replicaSets().inNamespace(NS).withLabel("app", "web").list().getItems();
    assertThat(rs).hasSize(1);
    assertThat(rs.get(0).getMetadata().getOwnerReferences().get(0).getKind())
        .isEqualTo("Deployment");
    assertThat(rs.get(0).getMetadata().getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision", "1");
    List<Pod> pods = pods("web");
    assertThat(pods).hasSize(3);
    assertThat(pods)
        .allSatisfy(
            p -> {
              assertThat(p.getStatus().getPhase()).isEqualTo("Running");
              assertThat(p.getStatus().getPodIP()).startsWith("10.244.");
              assertThat(p.getMetadata().getOwnerReferences().get(0).getUid())
                  .isEqualTo(rs.get(0).getMetadata().getUid());
              assertThat(p.getMetadata().getLabels()).containsKey("pod-template-hash");
            });
  }

  @Test
  void scalingChangesThePodCount() {
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(Workloads.deployment(NS, "scaled", 1, "nginx:1"))
        .create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> available(get("scaled")));

    client.apps().deployments().inNamespace(NS).withName("scaled").scale(4);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(pods("scaled")).hasSize(4);
              assertThat(get("scaled").getStatus().getReadyReplicas()).isEqualTo(4);
            });

    client.apps().deployments().inNamespace(NS).withName("scaled").scale(2);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(pods("scaled")).hasSize(2);
              assertThat(get("scaled").getStatus().getReplicas()).isEqualTo(2);
            });
  }

  @Test
  void templateChangeMakesANewReplicaSetAndScalesTheOldOneDown() {
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(Workloads.deployment(NS, "roll", 2, "nginx:1"))
        .create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> available(get("roll")));

    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .withName("roll")
        .edit(
            d -> {
              d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:2");
              return d;
            });

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<ReplicaSet> rs =
                  client
                      .apps()
                      .replicaSets()
                      .inNamespace(NS)
                      .withLabel("app", "roll")
                      .list()
                      .getItems();
              assertThat(rs).hasSize(2);
              ReplicaSet newer =
                  rs.stream()
                      .filter(
                          r ->
                              r.getMetadata()
                                  .getAnnotations()
                                  .get("deployment.kubernetes.io/revision")
                                  .equals("2"))
                      .findFirst()
                      .orElseThrow();
              ReplicaSet older = rs.stream().filter(r -> r != newer).findFirst().orElseThrow();
              assertThat(newer.getStatus().getReadyReplicas()).isEqualTo(2);
              assertThat(older.getSpec().getReplicas()).isZero();
              assertThat(pods("roll"))
                  .hasSize(2)
                  .allSatisfy(
                      p ->
                          assertThat(p.getSpec().getContainers().get(0).getImage())
                              .isEqualTo("nginx:2"));
              Deployment d = get("roll");
              assertThat(d.getStatus().getObservedGeneration()).isEqualTo(2L);
              assertThat(condition(d, "Progressing").getReason())
                  .isEqualTo("NewReplicaSetAvailable");
            });
  }

  @Test
  void failPodsKeepsTheDeploymentUnavailableWithTheWaitingReason() {
    cluster.failPods(NS, Map.of("app", "broken"), PodFailure.ImagePullBackOff);
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(Workloads.deployment(NS, "broken", 2, "nginx:nope"))
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<Pod> pods = pods("broken");
              assertThat(pods)
                  .hasSize(2)
                  .allSatisfy(
                      p -> {
                        assertThat(
                                p.getStatus()
                                    .getContainerStatuses()
                                    .get(0)
                                    .getState()
                                    .getWaiting()
                                    .getReason())
                            .isEqualTo("ImagePullBackOff");
                        assertThat(p.getStatus().getContainerStatuses().get(0).getReady())
                            .isFalse();
                      });
              Deployment d = get("broken");
              assertThat(condition(d, "Available").getStatus()).isEqualTo("False");
              assertThat(condition(d, "Progressing").getStatus()).isEqualTo("True");
              assertThat(d.getStatus().getUnavailableReplicas()).isEqualTo(2);
            });
  }

  @Test
  void failureAnnotationOnThePodTemplateMakesCrashLoopingPods() {
    Deployment d = Workloads.deployment(NS, "crashy", 1, "busybox:1");
    d.getSpec()
        .getTemplate()
        .getMetadata()
        .setAnnotations(Map.of(PodFailure.ANNOTATION, "CrashLoopBackOff"));
    client.apps().deployments().inNamespace(NS).resource(d).create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Pod pod = pods("crashy").get(0);
              var cs = pod.getStatus().getContainerStatuses().get(0);
              assertThat(cs.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
              assertThat(cs.getRestartCount()).isPositive();
              assertThat(condition(get("crashy"), "Available").getStatus()).isEqualTo("False");
            });
  }

  @Test
  void deletingADeploymentDeletesItsReplicaSetsAndPods() {
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(Workloads.deployment(NS, "gone", 2, "nginx:1"))
        .create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> available(get("gone")));

    client.apps().deployments().inNamespace(NS).withName("gone").delete();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(
                      client
                          .apps()
                          .replicaSets()
                          .inNamespace(NS)
                          .withLabel("app", "gone")
                          .list()
                          .getItems())
                  .isEmpty();
              assertThat(pods("gone")).isEmpty();
            });
  }
}
