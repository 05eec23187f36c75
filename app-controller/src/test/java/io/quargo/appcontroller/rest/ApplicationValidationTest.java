package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A malformed Application, as JSON or as YAML, is refused with a 400 problem naming the field, and
 * nothing is stored: a GET of the name answers 404 afterwards.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class ApplicationValidationTest {

  private static final String REPO = "git://127.0.0.1:1/none.git";

  @Test
  void unknownProject() {
    refused(spec -> spec.put("project", "nope"), "spec.project", "project \"nope\" does not exist");
  }

  @Test
  void missingDestination() {
    refused(spec -> spec.remove("destination"), "spec.destination", "required");
  }

  @Test
  void destinationWithNeitherServerNorName() {
    refused(
        spec -> ((ObjectNode) spec.get("destination")).remove("server"),
        "spec.destination.server",
        "or spec.destination.name");
  }

  @Test
  void sourceWithoutRepoUrl() {
    refused(
        spec -> ((ObjectNode) spec.get("source")).remove("repoURL"),
        "spec.source.repoURL",
        "required");
  }

  @Test
  void bothSourceAndSources() {
    refused(
        spec -> spec.putArray("sources").addObject().put("repoURL", REPO).put("path", "x"),
        "spec.sources",
        "not both");
  }

  @Test
  void destinationOfTheWrongType() {
    refused(spec -> spec.put("destination", "in-cluster"), "spec.destination", "");
  }

  @Test
  void sourcePathOfTheWrongType() {
    refused(
        spec -> ((ObjectNode) spec.get("source")).putArray("path").add("a"),
        "spec.source.path",
        "");
  }

  @Test
  void specOfTheWrongType() {
    String name = unique("bad");
    ObjectNode app = guestbookApp(name, REPO, "ns");
    app.put("spec", 42);
    post(app.toString(), ContentType.JSON).body("errors.field", hasItem("spec"));
    notStored(name);
  }

  @Test
  void yamlIsValidatedTheSameWay() {
    String name = unique("bad");
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: %s
        spec:
          project: default
          source:
            path: guestbook
          destination:
            server: https://kubernetes.default.svc
            namespace: x
        """
            .formatted(name);
    post(yaml, "application/yaml")
        .body("errors.field", hasItem("spec.source.repoURL"))
        .body("detail", containsString("spec.source.repoURL"));
    notStored(name);
  }

  @Test
  void validYamlIsStored() {
    String name = unique("yaml");
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: %s
        spec:
          project: default
          source:
            repoURL: %s
            path: guestbook
          destination:
            server: https://kubernetes.default.svc
            namespace: x
        """
            .formatted(name, REPO);
    given()
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("metadata.name", org.hamcrest.Matchers.equalTo(name));
    given().when().get("/api/v1/applications/" + name).then().statusCode(200);
  }

  private static void refused(Consumer<ObjectNode> breakSpec, String field, String message) {
    String name = unique("bad");
    ObjectNode app = guestbookApp(name, REPO, "ns");
    breakSpec.accept((ObjectNode) app.get("spec"));
    post(app.toString(), ContentType.JSON)
        .body("errors.field", hasItem(field))
        .body("detail", containsString(message));
    notStored(name);
  }

  private static io.restassured.response.ValidatableResponse post(Object body, Object type) {
    var request = given();
    request =
        type instanceof ContentType t ? request.contentType(t) : request.contentType((String) type);
    return request
        .body(body.toString().getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static void notStored(String name) {
    given()
        .when()
        .get("/api/v1/applications/" + name)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
