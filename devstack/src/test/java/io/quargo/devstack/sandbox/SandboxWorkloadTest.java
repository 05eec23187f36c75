package io.quargo.devstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs, StatefulSets, Service endpoints and informers against the running sandbox. */
class SandboxWorkloadTest {
  static SandboxCluster cluster;
  static KubernetesClient client;
  static final String NS = "work";

  @BeforeAll
  static void start() {
    cluster = SandboxCluster.start(SandboxOptions.defaults().withSimulatorDelay(Duration.ZERO));
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static PodTemplateSpec template(String app, String restartPolicy) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .addToLabels("app", app)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy(restartPolicy)
        .addNewContainer()
        .withName("main")
        .withImage("busybox:1")
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void jobCompletes() {
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(NS)
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName("once")
                .endMetadata()
                .withNewSpec()
                .withTemplate(template("once", "Never"))
                .endSpec()
                .build())
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var job = client.batch().v1().jobs().inNamespace(NS).withName("once").get();
              assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
              assertThat(job.getStatus().getCompletionTime()).isNotBlank();
              assertThat(job.getStatus().getConditions())
                  .anySatisfy(
                      c -> {
                        assertThat(c.getType()).isEqualTo("Complete");
                        assertThat(c.getStatus()).isEqualTo("True");
                      });
            });
    List<Pod> pods = client.pods().inNamespace(NS).withLabel("job-name", "once").list().getItems();
    assertThat(pods).hasSize(1);
    assertThat(pods.get(0).getStatus().getPhase()).isEqualTo("Succeeded");
  }

  @Test
  void statefulSetBecomesReadyWithOrdinalPods() {
    client
        .apps()
        .statefulSets()
        .inNamespace(NS)
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("db")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withServiceName("db")
                .withNewSelector()
                .addToMatchLabels("app", "db")
                .endSelector()
                .withTemplate(template("db", "Always"))
                .endSpec()
                .build())
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var sts = client.apps().statefulSets().inNamespace(NS).withName("db").get();
              assertThat(sts.getStatus().getReadyReplicas()).isEqualTo(2);
              assertThat(sts.getStatus().getCurrentRevision())
                  .startsWith("db-")
                  .isEqualTo(sts.getStatus().getUpdateRevision());
              assertThat(sts.getStatus().getObservedGeneration()).isEqualTo(1L);
            });
    assertThat(client.pods().inNamespace(NS).withLabel("app", "db").list().getItems())
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("db-0", "db-1");
  }

  @Test
  void serviceEndpointsListReadyPodIps() {
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(Workloads.deployment(NS, "api", 2, "nginx:1"))
        .create();
    client
        .services()
        .inNamespace(NS)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("api")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "api")
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withNewTargetPort("http")
                .endPort()
                .endSpec()
                .build())
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<String> podIps =
                  client.pods().inNamespace(NS).withLabel("app", "api").list().getItems().stream()
                      .map(p -> p.getStatus().getPodIP())
                      .toList();
              Endpoints ep = client.endpoints().inNamespace(NS).withName("api").get();
              assertThat(podIps).hasSize(2).doesNotContainNull();
              assertThat(ep.getSubsets().get(0).getAddresses())
                  .extracting("ip")
                  .containsExactlyInAnyOrderElementsOf(podIps);
              assertThat(ep.getSubsets().get(0).getPorts().get(0).getPort()).isEqualTo(8080);
            });

    client.services().inNamespace(NS).withName("api").delete();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.endpoints().inNamespace(NS).withName("api").get() == null);
  }

  @Test
  void informerSeesAddUpdateAndDelete() {
    List<String> events = new CopyOnWriteArrayList<>();
    var informer =
        client
            .configMaps()
            .inNamespace(NS)
            .inform(
                new ResourceEventHandler<ConfigMap>() {
                  @Override
                  public void onAdd(ConfigMap obj) {
                    events.add("add:" + obj.getMetadata().getName());
                  }

                  @Override
                  public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                    events.add("update:" + newObj.getData().get("k"));
                  }

                  @Override
                  public void onDelete(ConfigMap obj, boolean unknown) {
                    events.add("delete:" + obj.getMetadata().getName());
                  }
                });
    try {
      client
          .configMaps()
          .inNamespace(NS)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("seen")
                  .endMetadata()
                  .addToData("k", "1")
                  .build())
          .create();
      await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("add:seen"));
      client
          .configMaps()
          .inNamespace(NS)
          .withName("seen")
          .edit(
              c -> {
                c.setData(Map.of("k", "2"));
                return c;
              });
      await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("update:2"));
      client.configMaps().inNamespace(NS).withName("seen").delete();
      await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("delete:seen"));
    } finally {
      informer.close();
    }
  }
}
