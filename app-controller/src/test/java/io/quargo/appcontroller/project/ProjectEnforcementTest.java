package io.quargo.appcontroller.project;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.Test;

/**
 * Projects enforced end to end: a forbidden destination is refused at creation, a forbidden kind
 * becomes a condition and is not synced, and a deny window refuses a manual sync.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class ProjectEnforcementTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  GitServer git;

  @Test
  void aForbiddenDestinationIsRefusedNamingTheField() {
    String project =
        project(
            "{\"sourceRepos\": [\"*\"], \"destinations\": [{\"server\": \"*\","
                + " \"namespace\": \"dev-*\"}]}");
    ObjectNode app = guestbookApp(unique("dest"), git.url(guestbookRepo(git)), "prod");
    ((ObjectNode) app.get("spec")).put("project", project);

    given()
        .contentType(ContentType.JSON)
        .body(app.toString())
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("spec.destination"))
        .body(
            "detail",
            containsString(
                "application destination {https://kubernetes.default.svc prod} is not permitted in"
                    + " project '"
                    + project
                    + "'"));
  }

  @Test
  void aForbiddenKindBecomesAConditionAndIsNotSynced() {
    String project =
        project(
            "{\"sourceRepos\": [\"*\"], \"destinations\": [{\"server\": \"*\", \"namespace\":"
                + " \"*\"}], \"clusterResourceWhitelist\": [{\"group\": \"*\", \"kind\": \"*\"}],"
                + " \"namespaceResourceBlacklist\": [{\"group\": \"apps\", \"kind\":"
                + " \"Deployment\"}]}");
    String name = unique("kinds");
    ObjectNode app = guestbookApp(name, git.url(guestbookRepo(git)), unique("kinds"));
    ((ObjectNode) app.get("spec")).put("project", project);
    ((ObjectNode) app.at("/spec/syncPolicy")).putObject("automated").put("prune", true);
    create(app);

    String message =
        "resource apps:Deployment is not permitted in project '"
            + project
            + "' (namespaceResourceBlacklist)";
    await().atMost(LONG).until(() -> hasCondition(get(name), "ComparisonError", message));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(409);
    given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> get(name).at("/status/operationState").isMissingNode());
    assertThat(syncStatus(name)).isEqualTo("OutOfSync");
  }

  @Test
  void aDenyWindowRefusesAManualSyncNamingTheWindow() {
    String project =
        project(
            "{\"sourceRepos\": [\"*\"], \"destinations\": [{\"server\": \"*\", \"namespace\":"
                + " \"*\"}], \"syncWindows\": [{\"kind\": \"deny\", \"schedule\": \"* * * * *\","
                + " \"duration\": \"1h\", \"applications\": [\"*\"]}]}");
    String name = unique("window");
    ObjectNode app = guestbookApp(name, git.url(guestbookRepo(git)), unique("window"));
    ((ObjectNode) app.get("spec")).put("project", project);
    create(app);

    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(409)
        .body("detail", containsString("deny sync window '* * * * *' for 1h"));
    assertThat(get(name).at("/status/operationState").isMissingNode()).isTrue();
  }

  @Test
  void aForbiddenRepoIsRefusedNamingTheField() {
    String project =
        project(
            "{\"sourceRepos\": [\"https://github.com/org/*\"], \"destinations\": [{\"server\":"
                + " \"*\", \"namespace\": \"*\"}]}");
    String repo = git.url(guestbookRepo(git));
    ObjectNode app = guestbookApp(unique("repo"), repo, "dev");
    ((ObjectNode) app.get("spec")).put("project", project);

    given()
        .contentType(ContentType.JSON)
        .body(app.toString())
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("spec.source.repoURL"))
        .body(
            "detail",
            containsString(
                "application repo "
                    + repo
                    + " is not permitted in project '"
                    + project
                    + "' (sourceRepos: [https://github.com/org/*])"));
  }

  @Test
  void aDenyWindowHoldsAutomatedSyncUntilItIsRemoved() {
    String spec =
        "{\"sourceRepos\": [\"*\"], \"destinations\": [{\"server\": \"*\", \"namespace\":"
            + " \"*\"}], \"clusterResourceWhitelist\": [{\"group\": \"*\", \"kind\": \"*\"}]";
    String project =
        project(
            spec
                + ", \"syncWindows\": [{\"kind\": \"deny\", \"schedule\": \"* * * * *\","
                + " \"duration\": \"1h\", \"applications\": [\"held-*\"]}]}");
    String name = unique("held");
    ObjectNode app = guestbookApp(name, git.url(guestbookRepo(git)), unique("held"));
    ((ObjectNode) app.get("spec")).put("project", project);
    ((ObjectNode) app.at("/spec/syncPolicy")).putObject("automated").put("prune", true);
    create(app);

    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> get(name).at("/status/operationState").isMissingNode());

    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"project\": {\"metadata\": {\"name\": \""
                + project
                + "\"}, \"spec\": "
                + spec
                + "}}}")
        .put("/api/v1/projects/" + project)
        .then()
        .statusCode(200);
    await()
        .atMost(LONG)
        .until(
            () ->
                "Succeeded".equals(get(name).at("/status/operationState/phase").asText())
                    && "Synced".equals(syncStatus(name)));
  }

  @Test
  void aProjectWithABadWindowIsRefusedNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"project\": {\"metadata\": {\"name\": \""
                + unique("bad")
                + "\"}, \"spec\": {\"syncWindows\": [{\"kind\": \"deny\", \"schedule\":"
                + " \"0 25 * * *\", \"duration\": \"1h\"}]}}}")
        .post("/api/v1/projects")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("spec.syncWindows[0].schedule"))
        .body("detail", containsString("hour field '25'"));
  }

  private static boolean hasCondition(JsonNode app, String type, String message) {
    for (JsonNode c : app.at("/status/conditions")) {
      if (type.equals(c.path("type").asText()) && message.equals(c.path("message").asText())) {
        return true;
      }
    }
    return false;
  }

  private static String project(String spec) {
    String name = unique("team");
    given()
        .contentType(ContentType.JSON)
        .body("{\"project\": {\"metadata\": {\"name\": \"" + name + "\"}, \"spec\": " + spec + "}}")
        .post("/api/v1/projects")
        .then()
        .statusCode(200);
    return name;
  }
}
