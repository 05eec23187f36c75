package io.quargo.appcontroller.application;

import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.common.json.Json;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The Application and AppProject REST API: validation as problem+json, CRUD, filters. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class ApplicationApiTest {

  private static final String REPO = "git://127.0.0.1:1/none.git";

  @Inject ApplicationRepository apps;

  @Test
  void missingDestinationServerIsRefusedNamingTheField() {
    ObjectNode app = guestbookApp(unique("bad"), REPO, "ns");
    ((ObjectNode) app.path("spec").path("destination")).remove("server");

    given()
        .contentType(ContentType.JSON)
        .body(app.toString())
        .when()
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("spec.destination.server"))
        .body("detail", containsString("spec.destination.server: required"));
  }

  @Test
  void unknownProjectAndMissingSourceAreBothReported() {
    ObjectNode app = guestbookApp(unique("bad"), REPO, "ns");
    ((ObjectNode) app.path("spec")).put("project", "nope");
    ((ObjectNode) app.path("spec")).remove("source");

    given()
        .contentType(ContentType.JSON)
        .body(app.toString())
        .when()
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("spec.project"))
        .body("errors.field", hasItem("spec.source"))
        .body("detail", containsString("project \"nope\" does not exist"));
  }

  @Test
  void malformedSourceIsRefusedNamingTheField() {
    ObjectNode app = guestbookApp(unique("bad"), REPO, "ns");
    ((ObjectNode) app.path("spec").path("source")).put("path", "../outside");
    ((ObjectNode) app.path("spec").path("source")).remove("repoURL");

    given()
        .contentType(ContentType.JSON)
        .body(app.toString())
        .when()
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("spec.source.repoURL"))
        .body("errors.field", hasItem("spec.source.path"));
  }

  @Test
  void createGetUpdateListAndDelete() {
    String name = unique("crud");
    ObjectNode app = guestbookApp(name, REPO, "ns");
    ((ObjectNode) app.path("metadata")).putObject("labels").put("team", "blue");
    AppFixtures.create(app);

    given()
        .when()
        .get("/api/v1/applications/" + name)
        .then()
        .statusCode(200)
        .body("metadata.namespace", equalTo("argocd"))
        // 0 when created, more once the first reconcile has written the status
        .body("metadata.resourceVersion", matchesPattern("[0-9]+"))
        .body("spec.source.path", equalTo("guestbook"));
    given()
        .contentType(ContentType.JSON)
        .body(app.toString())
        .when()
        .post("/api/v1/applications")
        .then()
        .statusCode(409);

    ((ObjectNode) app.path("spec").path("source")).put("path", "other");
    given()
        .contentType(ContentType.JSON)
        .body(app.toString())
        .when()
        .put("/api/v1/applications/" + name)
        .then()
        .statusCode(200)
        .body("spec.source.path", equalTo("other"));

    given()
        .when()
        .get("/api/v1/applications?selector=team=blue")
        .then()
        .statusCode(200)
        .body("items.metadata.name", hasItem(name));
    given()
        .when()
        .get("/api/v1/applications?selector=team!=blue")
        .then()
        .statusCode(200)
        .body("items.metadata.name", not(hasItem(name)));
    given()
        .when()
        .get("/api/v1/applications?projects=other")
        .then()
        .statusCode(200)
        .body("items.metadata.name", not(hasItem(name)));

    given().when().delete("/api/v1/applications/" + name + "?cascade=false").then().statusCode(200);
    given()
        .when()
        .get("/api/v1/applications/" + name)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("application argocd/" + name + " not found"));
  }

  @Test
  void getAndListAnswerTheAppsExactlyAsTheModelWritesThem() throws Exception {
    String name = unique("same");
    ObjectNode app = guestbookApp(name, REPO, "ns");
    ((ObjectNode) app.path("metadata")).putObject("labels").put("list-check", name);
    ((ObjectNode) app.path("metadata")).putObject("annotations").put("note", "kept");
    AppFixtures.create(app);

    await()
        .untilAsserted(
            () -> {
              JsonNode single =
                  Json.mapper().readTree(given().get("/api/v1/applications/" + name).asString());
              JsonNode list =
                  Json.mapper()
                      .readTree(
                          given()
                              .get("/api/v1/applications?selector=list-check=" + name)
                              .then()
                              .statusCode(200)
                              .contentType(ContentType.JSON)
                              .extract()
                              .asString());
              assertThat(single.path("status").path("conditions").size())
                  .as("the app was reconciled (its repo is unreachable)")
                  .isPositive();
              assertThat(list.path("metadata").isObject()).isTrue();
              assertThat(list.path("items")).hasSize(1);
              assertThat(list.path("items").get(0)).isEqualTo(single);
              JsonNode typed = Json.mapper().valueToTree(apps.get("argocd", name));
              assertThat(single).isEqualTo(typed);
            });
    assertThat(
            Json.mapper()
                .readTree(given().get("/api/v1/applications?selector=list-check=other").asString())
                .path("items"))
        .isEmpty();
  }

  @Test
  void staleResourceVersionIsAConflict() {
    String name = unique("stale");
    ObjectNode app = guestbookApp(name, REPO, "ns");
    AppFixtures.create(app);
    ((ObjectNode) app.path("metadata")).put("resourceVersion", "41");

    given()
        .contentType(ContentType.JSON)
        .body(app.toString())
        .when()
        .put("/api/v1/applications/" + name)
        .then()
        .statusCode(409)
        .body("detail", containsString("changed since resourceVersion 41"));
  }

  @Test
  void projectsHaveTheDefaultAndCrud() {
    given()
        .when()
        .get("/api/v1/projects/default")
        .then()
        .statusCode(200)
        .body("spec.sourceRepos", hasItem("*"));
    String name = unique("team");
    String body =
        "{\"project\":{\"metadata\":{\"name\":\""
            + name
            + "\"},"
            + "\"spec\":{\"sourceRepos\":[\"https://example.com/*\",\"git://127.0.0.1:1/*\"],"
            + "\"destinations\":[{\"server\":\"*\",\"namespace\":\"*\"}]}}}";
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/projects")
        .then()
        .statusCode(200)
        .body("metadata.name", equalTo(name));
    given()
        .when()
        .get("/api/v1/projects")
        .then()
        .statusCode(200)
        .body("items.metadata.name", hasItem(name));

    ObjectNode app = guestbookApp(unique("inproj"), REPO, "ns");
    ((ObjectNode) app.path("spec")).put("project", name);
    AppFixtures.create(app);
    given()
        .when()
        .delete("/api/v1/projects/" + name)
        .then()
        .statusCode(409)
        .body("detail", containsString("is used by 1 application"));

    given()
        .when()
        .delete(
            "/api/v1/applications/" + app.path("metadata").path("name").asText() + "?cascade=false")
        .then()
        .statusCode(200);
    given().when().delete("/api/v1/projects/" + name).then().statusCode(200);
    given().when().get("/api/v1/projects/" + name).then().statusCode(404);
  }
}
