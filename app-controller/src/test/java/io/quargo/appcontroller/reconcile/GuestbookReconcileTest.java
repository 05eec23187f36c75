package io.quargo.appcontroller.reconcile;

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
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.appcontroller.messaging.KafkaTestClients;
import io.quargo.common.events.Topics;
import io.quargo.common.json.Json;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's guestbook end to end against the sandbox cluster (a simulation), a real Git server,
 * Kafka and PostgreSQL; repo-server is {@link RepoServerStub}, a real HTTP stand-in.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class GuestbookReconcileTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  GitServer git;

  @Inject KubernetesClient client;

  @Test
  void guestbookGoesFromOutOfSyncToSyncedAndHealthyAndALiveEditMakesItOutOfSync() {
    String repo = guestbookRepo(git);
    String name = unique("guestbook");
    String namespace = unique("gb");
    String sha = git.resolve(repo, "main");
    KafkaConsumer<String, byte[]> events = KafkaTestClients.consumer(Topics.APP_EVENTS);

    create(guestbookApp(name, git.url(repo), namespace));
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    JsonNode app = get(name);
    assertThat(app.at("/status/health/status").asText()).isEqualTo("Missing");
    assertThat(app.at("/status/sync/revision").asText()).isEqualTo(sha);
    assertThat(app.at("/status/resources")).hasSize(2);
    assertThat(app.at("/status/resources/0/status").asText()).isEqualTo("OutOfSync");
    assertThat(app.at("/status/reconciledAt").asText()).isNotEmpty();
    long refreshMillis = timeRefreshes(name, 10);
    System.out.printf("reconcile of the guestbook app (refresh over REST): %d ms%n", refreshMillis);

    given()
        .contentType(ContentType.JSON)
        .body("{\"prune\":false}")
        .when()
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
    await()
        .atMost(LONG)
        .until(() -> "Synced".equals(syncStatus(name)) && "Healthy".equals(health(name)));

    app = get(name);
    assertThat(app.at("/status/operationState/phase").asText()).isEqualTo("Succeeded");
    assertThat(app.at("/status/operationState/syncResult/revision").asText()).isEqualTo(sha);
    assertThat(app.at("/status/history")).hasSize(1);
    assertThat(app.at("/status/history/0/revision").asText()).isEqualTo(sha);
    assertThat(app.at("/status/history/0/source/path").asText()).isEqualTo("guestbook");
    assertThat(app.at("/status/summary/images").toString()).contains("ks-guestbook-demo:0.2");
    assertThat(client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get())
        .isNotNull();

    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    await()
        .atMost(LONG)
        .until(
            () ->
                KafkaTestClients.poll(events, seen).stream()
                    .filter(r -> r.key().equals("argocd/" + name))
                    .map(r -> read(new String(r.value())))
                    .anyMatch(
                        e ->
                            "Synced".equals(e.path("syncStatus").asText())
                                && "Healthy".equals(e.path("healthStatus").asText())));
    events.close();

    JsonNode managed =
        read(
            given()
                .get("/api/v1/applications/" + name + "/managed-resources")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(managed.path("items")).hasSize(2);
    managed.path("items").forEach(i -> assertThat(i.path("modified").asBoolean()).isFalse());
    // the target state is what the sync applies: Git's object with Argo's tracking label
    managed
        .path("items")
        .forEach(
            i ->
                assertThat(read(i.path("targetState").asText()).at("/metadata/labels"))
                    .as(i.path("kind").asText() + " targetState labels")
                    .isEqualTo(read(i.path("liveState").asText()).at("/metadata/labels")));

    JsonNode tree =
        read(
            given()
                .get("/api/v1/applications/" + name + "/resource-tree")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(kindsOf(tree)).contains("Deployment", "ReplicaSet", "Pod", "Service");
    assertThat(parentKind(tree, "ReplicaSet")).isEqualTo("Deployment");
    assertThat(parentKind(tree, "Pod")).isEqualTo("ReplicaSet");

    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .edit(
            d -> {
              d.getSpec().setReplicas(3);
              return d;
            });
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    JsonNode drifted =
        read(
            given()
                .get("/api/v1/applications/" + name + "/managed-resources")
                .then()
                .extract()
                .asString());
    assertThat(drifted.toString()).contains("/spec/replicas");
  }

  @Test
  void automatedSyncWithSelfHealRevertsALiveEdit() {
    String repo = guestbookRepo(git);
    String name = unique("heal");
    String namespace = unique("heal");
    ObjectNode app = guestbookApp(name, git.url(repo), namespace);
    ((ObjectNode) app.at("/spec/syncPolicy"))
        .putObject("automated")
        .put("selfHeal", true)
        .put("prune", true);

    create(app);
    await()
        .atMost(LONG)
        .until(() -> "Synced".equals(syncStatus(name)) && "Healthy".equals(health(name)));
    assertThat(get(name).at("/status/operationState/operation/initiatedBy/automated").asBoolean())
        .isTrue();

    client
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
              assertThat(
                      client
                          .apps()
                          .deployments()
                          .inNamespace(namespace)
                          .withName("guestbook-ui")
                          .get()
                          .getSpec()
                          .getReplicas())
                  .isEqualTo(1);
              assertThat(syncStatus(name)).isEqualTo("Synced");
              assertThat(get(name).at("/status/history")).hasSize(2);
            });
  }

  @Test
  void rollbackRestoresThePreviousRevisionAndCascadingDeleteRemovesTheObjects() {
    String repo = guestbookRepo(git);
    String name = unique("rollback");
    String namespace = unique("rb");
    String first = git.resolve(repo, "main");
    create(guestbookApp(name, git.url(repo), namespace));
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    syncAndWait(name, 1);
    git.commit(
        repo,
        java.util.Map.of(
            "guestbook/guestbook-ui-deployment.yaml",
            io.quargo.appcontroller.application.AppFixtures.DEPLOYMENT.formatted(2)),
        "two replicas");
    given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    syncAndWait(name, 2);
    assertThat(replicas(namespace)).isEqualTo(2);

    given()
        .contentType(ContentType.JSON)
        .body("{\"id\":0}")
        .when()
        .post("/api/v1/applications/" + name + "/rollback")
        .then()
        .statusCode(200);

    await().atMost(LONG).until(() -> get(name).at("/status/history").size() == 3);
    assertThat(get(name).at("/status/history/2/revision").asText()).isEqualTo(first);
    assertThat(replicas(namespace)).isEqualTo(1);

    given().delete("/api/v1/applications/" + name).then().statusCode(200);
    await()
        .atMost(LONG)
        .until(
            () ->
                client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get()
                    == null);
    given().get("/api/v1/applications/" + name).then().statusCode(404);
  }

  @Test
  void aSyncThatChangesNeitherSyncNorHealthStillAnnouncesItsEnd() {
    String repo = guestbookRepo(git);
    String name = unique("again");
    create(guestbookApp(name, git.url(repo), unique("ag")));
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    syncAndWait(name, 1);
    await().atMost(LONG).until(() -> "Healthy".equals(health(name)));
    KafkaConsumer<String, byte[]> events = KafkaTestClients.consumer(Topics.APP_EVENTS);

    // Synced and Healthy before and after: only the operation's phase tells watchers it ended
    String operationId =
        read(given()
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/applications/" + name + "/sync")
                .then()
                .statusCode(200)
                .extract()
                .asString())
            .at("/status/operationState/operation/info/0/value")
            .asText();
    assertThat(operationId).isNotBlank();

    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    await()
        .atMost(LONG)
        .until(
            () ->
                KafkaTestClients.poll(events, seen).stream()
                    .filter(r -> r.key().equals("argocd/" + name))
                    .map(r -> read(new String(r.value())))
                    .anyMatch(
                        e ->
                            operationId.equals(e.path("operationId").asText())
                                && "Succeeded".equals(e.path("operationPhase").asText())));
    events.close();
    assertThat(get(name).at("/status/history")).hasSize(2);
  }

  private void syncAndWait(String name, int historySize) {
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
    await()
        .atMost(LONG)
        .until(
            () ->
                get(name).at("/status/history").size() == historySize
                    && "Synced".equals(syncStatus(name)));
  }

  private int replicas(String namespace) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .get()
        .getSpec()
        .getReplicas();
  }

  @Test
  void aPathRepoServerDoesNotKnowBecomesAComparisonError() {
    String repo = guestbookRepo(git);
    String name = unique("nopath");
    ObjectNode app = guestbookApp(name, git.url(repo), unique("np"));
    ((ObjectNode) app.at("/spec/source")).put("path", "missing");

    create(app);

    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              JsonNode conditions = get(name).at("/status/conditions");
              assertThat(conditions.toString())
                  .contains("ComparisonError")
                  .contains("path missing not found");
            });
    assertThat(syncStatus(name)).isEqualTo("Unknown");
  }

  private static long timeRefreshes(String name, int times) {
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    }
    return (System.nanoTime() - start) / 1_000_000 / times;
  }

  private static List<String> kindsOf(JsonNode tree) {
    List<String> kinds = new ArrayList<>();
    tree.path("nodes").forEach(n -> kinds.add(n.path("kind").asText()));
    return kinds;
  }

  private static String parentKind(JsonNode tree, String kind) {
    for (JsonNode node : tree.path("nodes")) {
      if (node.path("kind").asText().equals(kind)) {
        return node.at("/parentRefs/0/kind").asText();
      }
    }
    return Json.mapper().createObjectNode().toString();
  }
}
