package io.quargo.appcontroller.cluster;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.health;
import static io.quargo.appcontroller.application.AppFixtures.read;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.appcontroller.reconcile.LiveObjectWatcher;
import io.quargo.common.json.Json;
import io.quargo.devstack.sandbox.SandboxCluster;
import io.quargo.devstack.sandbox.SandboxOptions;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An app on a registered cluster is looked at on that cluster: its resource tree shows what the
 * second cluster's controllers made (Deployment → ReplicaSet → Pods), and a live edit there is seen
 * by that cluster's informers (the resync period in tests is an hour, and no refresh is asked), so
 * the app goes OutOfSync, and with selfHeal the edit is reverted.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class RemoteClusterLiveStateTest {

  private static final Duration LONG = Duration.ofSeconds(60);
  private static SandboxCluster second;
  private static String secondName;

  GitServer git;

  @Inject KubernetesClient inCluster;
  @Inject LiveObjectWatcher watcher;

  @BeforeAll
  static void startSecondCluster() {
    second =
        SandboxCluster.start(
            SandboxOptions.defaults().withPort(0).withSimulatorDelay(Duration.ofMillis(100)));
  }

  @AfterAll
  static void stopSecondCluster() {
    second.close();
  }

  @Test
  void theResourceTreeComesFromTheDestinationAndALiveEditThereMakesTheAppOutOfSync() {
    String name = unique("remote-tree");
    String namespace = unique("rtree");
    create(remoteApp(name, namespace, false));
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
    await()
        .atMost(LONG)
        .until(() -> "Synced".equals(syncStatus(name)) && "Healthy".equals(health(name)));

    JsonNode tree =
        read(
            given()
                .get("/api/v1/applications/" + name + "/resource-tree")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    Deployment live = deployment(second.client(), namespace);
    JsonNode deploymentNode = node(tree, "Deployment").get(0);
    assertThat(deploymentNode.path("uid").asText()).isEqualTo(live.getMetadata().getUid());
    assertThat(kinds(tree)).contains("Deployment", "ReplicaSet", "Pod", "Service");
    JsonNode replicaSet = node(tree, "ReplicaSet").get(0);
    assertThat(replicaSet.at("/parentRefs/0/uid").asText()).isEqualTo(live.getMetadata().getUid());
    List<JsonNode> pods = node(tree, "Pod");
    assertThat(pods).isNotEmpty();
    pods.forEach(
        pod ->
            assertThat(pod.at("/parentRefs/0/uid").asText())
                .isEqualTo(replicaSet.path("uid").asText()));
    assertThat(inCluster.apps().deployments().inNamespace(namespace).list().getItems()).isEmpty();

    second
        .client()
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .edit(
            d -> {
              d.getSpec().setReplicas(3);
              return d;
            });
    // no refresh asked, resync an hour away: only the second cluster's informers can see this
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    assertThat(watcher.watchedServers()).contains(second.url());
    JsonNode drifted =
        read(
            given()
                .get("/api/v1/applications/" + name + "/managed-resources")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(drifted.toString()).contains("/spec/replicas");
  }

  @Test
  void selfHealRevertsALiveEditOnTheRegisteredCluster() {
    String name = unique("remote-heal");
    String namespace = unique("rheal");
    create(remoteApp(name, namespace, true));
    await()
        .atMost(LONG)
        .until(() -> "Synced".equals(syncStatus(name)) && "Healthy".equals(health(name)));

    second
        .client()
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .edit(
            d -> {
              d.getSpec().setReplicas(4);
              return d;
            });

    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              assertThat(deployment(second.client(), namespace).getSpec().getReplicas())
                  .isEqualTo(1);
              assertThat(syncStatus(name)).isEqualTo("Synced");
              assertThat(get(name).at("/status/history")).hasSize(2);
            });
  }

  @Test
  void aClusterIsWatchedOnceRegisteredAndNoLongerOnceRemoved() {
    try (SandboxCluster third = SandboxCluster.start(SandboxOptions.defaults().withPort(0))) {
      register(unique("third"), third);
      await().atMost(LONG).until(() -> watcher.watchedServers().contains(third.url()));
      given()
          .urlEncodingEnabled(false)
          .delete("/api/v1/clusters/" + URLEncoder.encode(third.url(), StandardCharsets.UTF_8))
          .then()
          .statusCode(200);
      assertThat(watcher.watchedServers()).doesNotContain(third.url());
    }
  }

  private ObjectNode remoteApp(String name, String namespace, boolean selfHeal) {
    synchronized (RemoteClusterLiveStateTest.class) {
      if (secondName == null) {
        secondName = unique("second");
        register(secondName, second);
      }
    }
    ObjectNode app = guestbookApp(name, git.url(guestbookRepo(git)), namespace);
    ObjectNode destination = (ObjectNode) app.at("/spec/destination");
    destination.remove("server");
    destination.put("name", secondName);
    if (selfHeal) {
      ((ObjectNode) app.at("/spec/syncPolicy"))
          .putObject("automated")
          .put("selfHeal", true)
          .put("prune", true);
    }
    return app;
  }

  private static void register(String name, SandboxCluster cluster) {
    JsonNode registered =
        read(
            given()
                .contentType(ContentType.JSON)
                .body(
                    Json.mapper()
                        .createObjectNode()
                        .put("name", name)
                        .put("kubeconfig", cluster.kubeconfig())
                        .toString())
                .post("/api/v1/clusters")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(registered.at("/connectionState/status").asText()).isEqualTo("Successful");
  }

  private static Deployment deployment(KubernetesClient client, String namespace) {
    return client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get();
  }

  private static List<String> kinds(JsonNode tree) {
    List<String> kinds = new ArrayList<>();
    tree.path("nodes").forEach(n -> kinds.add(n.path("kind").asText()));
    return kinds;
  }

  private static List<JsonNode> node(JsonNode tree, String kind) {
    List<JsonNode> nodes = new ArrayList<>();
    tree.path("nodes")
        .forEach(
            n -> {
              if (kind.equals(n.path("kind").asText())) {
                nodes.add(n);
              }
            });
    return nodes;
  }
}
