package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.DEPLOYMENT;
import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.read;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given the guestbook synced from main and a branch that scales the Deployment, adds a ConfigMap
 * and drops the Service: the manifests and diff routes show that branch without syncing it, and
 * unknown apps and revisions are 404 problems.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class RevisionRoutesTest {

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: guestbook-flags
      data:
        beta: "true"
      """;

  GitServer git;

  String app;
  String namespace;
  String mainSha;
  String featureSha;

  @BeforeEach
  void syncedFromMainWithAFeatureBranch() {
    String repo = guestbookRepo(git);
    mainSha = git.resolve(repo, "main");
    Map<String, String> feature = new HashMap<>();
    feature.put("guestbook/guestbook-ui-deployment.yaml", DEPLOYMENT.formatted(3));
    feature.put("guestbook/flags.yaml", CONFIG_MAP);
    featureSha = git.commit(repo, "feature", feature, "scale up, flags, no service");
    app = unique("preview");
    namespace = unique("preview");
    create(guestbookApp(app, git.url(repo), namespace));
    await().atMost(Duration.ofSeconds(60)).until(() -> "OutOfSync".equals(syncStatus(app)));
    sync();
    await().atMost(Duration.ofSeconds(60)).until(() -> "Synced".equals(syncStatus(app)));
  }

  @Test
  void diffToABranchShowsWhatASyncWouldChange() {
    JsonNode diff = json("/api/v1/applications/" + app + "/diff?revision=feature", 200);

    assertThat(diff.path("revision").asText()).isEqualTo(featureSha);
    assertThat(diff.path("status").asText()).isEqualTo("OutOfSync");
    JsonNode deployment = item(diff, "Deployment");
    assertThat(deployment.path("change").asText()).isEqualTo("update");
    assertThat(deployment.path("differences").toString()).contains("/spec/replicas");
    assertThat(read(deployment.path("targetState").asText()).at("/spec/replicas").asInt())
        .isEqualTo(3);
    assertThat(read(deployment.path("liveState").asText()).at("/spec/replicas").asInt())
        .isEqualTo(1);
    assertThat(read(deployment.path("targetState").asText()).at("/metadata/namespace").asText())
        .isEqualTo(namespace);
    assertThat(item(diff, "ConfigMap").path("change").asText()).isEqualTo("create");
    assertThat(item(diff, "ConfigMap").path("liveState").isNull()).isTrue();
    assertThat(item(diff, "Service").path("change").asText()).isEqualTo("prune");
    assertThat(syncStatus(app)).as("a preview changes nothing").isEqualTo("Synced");
  }

  @Test
  void diffWithoutRevisionIsTheTargetRevision() {
    JsonNode diff = json("/api/v1/applications/" + app + "/diff", 200);

    assertThat(diff.path("revision").asText()).isEqualTo(mainSha);
    assertThat(diff.path("status").asText()).isEqualTo("Synced");
    assertThat(diff.path("items")).hasSize(2);
    diff.path("items").forEach(i -> assertThat(i.path("change").asText()).isEqualTo("none"));
  }

  @Test
  void manifestsAtARevisionInArgosShape() {
    JsonNode feature = json("/api/v1/applications/" + app + "/manifests?revision=feature", 200);
    JsonNode main = json("/api/v1/applications/" + app + "/manifests", 200);

    assertThat(feature.path("revision").asText()).isEqualTo(featureSha);
    assertThat(feature.path("namespace").asText()).isEqualTo(namespace);
    assertThat(feature.path("server").asText()).isEqualTo("https://kubernetes.default.svc");
    assertThat(feature.path("manifests")).hasSize(2);
    assertThat(feature.path("manifests").toString()).contains("guestbook-flags");
    assertThat(read(feature.path("manifests").get(0).asText()).path("kind").asText()).isNotEmpty();
    assertThat(main.path("revision").asText()).isEqualTo(mainSha);
    assertThat(main.path("manifests").toString()).contains("guestbook-ui").doesNotContain("flags");
  }

  @Test
  void theAppCarriesItsSyncHistory() {
    JsonNode history = get(app).at("/status/history");

    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("revision").asText()).isEqualTo(mainSha);
    assertThat(history.get(0).path("id").asLong()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void unknownRevisionAndUnknownAppAreNotFound() {
    for (String route : new String[] {"diff", "manifests"}) {
      given()
          .when()
          .get("/api/v1/applications/" + app + "/" + route + "?revision=no-such-branch")
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("detail", containsString("no-such-branch"));
      given()
          .when()
          .get("/api/v1/applications/no-such-app/" + route)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  @Test
  void terminatingWithoutARunningOperationIsAConflict() {
    given()
        .when()
        .delete("/api/v1/applications/" + app + "/operation")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("No operation is in progress"));
  }

  private void sync() {
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/applications/" + app + "/sync")
        .then()
        .statusCode(200);
  }

  private static JsonNode item(JsonNode diff, String kind) {
    for (JsonNode item : diff.path("items")) {
      if (kind.equals(item.path("kind").asText())) {
        return item;
      }
    }
    throw new AssertionError("no " + kind + " in " + diff.toPrettyString());
  }

  private static JsonNode json(String path, int status) {
    return read(given().when().get(path).then().statusCode(status).extract().asString());
  }
}
