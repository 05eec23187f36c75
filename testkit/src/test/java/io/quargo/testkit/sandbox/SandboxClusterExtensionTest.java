package io.quargo.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.devstack.sandbox.SandboxCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension injects one shared sandbox; the test resource hands its URL to Quarkus. */
@ExtendWith(SandboxClusterExtension.class)
class SandboxClusterExtensionTest {

  @Test
  void injectsTheSharedClusterAndItsClient(SandboxCluster cluster, KubernetesClient client) {
    assertThat(cluster).isSameAs(TestSandbox.cluster());
    assertThat(client.getMasterUrl().toString()).startsWith(cluster.url());

    client
        .pods()
        .inNamespace(TestSandbox.NAMESPACE)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("hello")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage("busybox:1")
                .endContainer()
                .endSpec()
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              var pod = client.pods().inNamespace(TestSandbox.NAMESPACE).withName("hello").get();
              return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
            });
  }

  @Test
  void testResourceReturnsTheQuarkusKubernetesClientConfig() {
    var config = new SandboxClusterTestResource().start();

    assertThat(config)
        .containsEntry("quarkus.kubernetes-client.api-server-url", TestSandbox.cluster().url())
        .containsEntry("quarkus.kubernetes-client.trust-certs", "true")
        .containsEntry("quarkus.kubernetes-client.namespace", TestSandbox.NAMESPACE);
    assertThat(TestSandbox.cluster().client().namespaces().withName(TestSandbox.NAMESPACE).get())
        .isNotNull();
  }
}
