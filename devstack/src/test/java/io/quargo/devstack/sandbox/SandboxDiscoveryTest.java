package io.quargo.devstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox answers discovery, version and CRUD over real HTTP. */
class SandboxDiscoveryTest {
  static SandboxCluster cluster;

  @BeforeAll
  static void start() {
    cluster = SandboxCluster.start(SandboxOptions.defaults().withSimulator(false));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static HttpResponse<String> get(String path, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.url() + path));
    if (contentType != null) {
      b.header("Content-Type", contentType)
          .method("POST", HttpRequest.BodyPublishers.ofString("x"));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void versionSaysSimulation() throws Exception {
    assertThat(cluster.client().getKubernetesVersion().getGitVersion())
        .isEqualTo("v1.33.0-sandbox-simulation");
    assertThat(cluster.url()).isEqualTo("http://127.0.0.1:" + cluster.port());
  }

  @Test
  void discoveryListsCoreAppsAndArgoResources() throws Exception {
    assertThat(get("/api?timeout=32s", null).body()).contains("\"v1\"");
    assertThat(get("/api/v1", null).body())
        .contains("\"name\":\"pods\"", "\"name\":\"pods/status\"", "\"kind\":\"Namespace\"");
    assertThat(get("/apis", null).body())
        .contains("\"apps/v1\"", "\"batch/v1\"", "\"argoproj.io/v1alpha1\"", "\"autoscaling/v2\"");
    assertThat(get("/apis/apps/v1?timeout=32s", null).body())
        .contains("\"deployments/scale\"", "\"categories\":[\"all\"]");
    assertThat(get("/apis/argoproj.io/v1alpha1", null).body())
        .contains("\"kind\":\"Rollout\"", "\"kind\":\"Workflow\"", "\"kind\":\"EventBus\"");
    assertThat(cluster.client().supports(Deployment.class)).isTrue();
  }

  @Test
  void protobufBodiesAreRefusedWith415() throws Exception {
    HttpResponse<String> r = get("/api/v1/namespaces", "application/vnd.kubernetes.protobuf");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.body()).contains("JSON");
  }

  @Test
  void storesAndListsObjects() {
    cluster
        .client()
        .configMaps()
        .inNamespace("disc")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("c1")
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
    var cm = cluster.client().configMaps().inNamespace("disc").withName("c1").get();
    assertThat(cm.getData()).containsEntry("k", "v");
    assertThat(cm.getMetadata().getUid()).isNotBlank();
    assertThat(cm.getMetadata().getCreationTimestamp()).isNotBlank();
    assertThat(cluster.kubeconfig()).contains("server: " + cluster.url());
  }
}
