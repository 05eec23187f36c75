package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.create;
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
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.common.json.Json;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given the guestbook synced into a namespace: {@code GET .../resource} answers the live object of
 * one of its resources and nothing outside the app, and {@code GET .../syncwindows} lists the
 * project's windows that apply to an app and whether it may sync now.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class LiveObjectAndSyncWindowRoutesTest {

  GitServer git;

  String app;
  String namespace;

  @BeforeEach
  void syncedGuestbook() {
    app = unique("live");
    namespace = unique("live");
    create(guestbookApp(app, git.url(guestbookRepo(git)), namespace));
    await().atMost(Duration.ofSeconds(60)).until(() -> "OutOfSync".equals(syncStatus(app)));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + app + "/sync")
        .then()
        .statusCode(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> "Synced".equals(syncStatus(app)));
  }

  @Test
  void theLiveObjectOfAResourceOfTheAppIsItsManifest() {
    String body =
        given()
            .get(resource("apps", "v1", "Deployment", namespace, "guestbook-ui"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode live = read(read(body).path("manifest").asText());
    assertThat(live.path("kind").asText()).isEqualTo("Deployment");
    assertThat(live.at("/metadata/name").asText()).isEqualTo("guestbook-ui");
    assertThat(live.at("/metadata/namespace").asText()).isEqualTo(namespace);
    assertThat(live.at("/metadata/uid").asText()).as("read from the cluster").isNotEmpty();
    given().get(resource("", "v1", "Service", namespace, "guestbook-ui")).then().statusCode(200);
  }

  @Test
  void anObjectOutsideTheAppIsNotFoundAndAMissingNameIsABadRequest() {
    given()
        .get(resource("apps", "v1", "Deployment", namespace, "someone-elses"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("part of application " + app));
    given()
        .get(resource("apps", "v1", "Deployment", "kube-system", "guestbook-ui"))
        .then()
        .statusCode(404);
    given()
        .get("/api/v1/applications/" + app + "/resource?kind=Deployment&version=v1")
        .then()
        .statusCode(400)
        .body("detail", containsString("resourceName"));
    given()
        .get("/api/v1/applications/no-such-app/resource?resourceName=x&kind=Pod&version=v1")
        .then()
        .statusCode(404);
  }

  @Test
  void syncWindowsListTheProjectsWindowsThatApplyAndWhetherASyncMayStart() {
    JsonNode none = json("/api/v1/applications/" + app + "/syncwindows");
    assertThat(none.path("assignedWindows")).isEmpty();
    assertThat(none.path("activeWindows")).isEmpty();
    assertThat(none.path("canSync").asBoolean()).isTrue();

    String project = unique("windows");
    ObjectNode p = Json.mapper().createObjectNode();
    ObjectNode spec = p.putObject("project");
    spec.putObject("metadata").put("name", project);
    ObjectNode s = spec.putObject("spec");
    s.putArray("sourceRepos").add("*");
    s.putArray("destinations").addObject().put("server", "*").put("namespace", "*");
    var windows = s.putArray("syncWindows");
    ObjectNode deny = windows.addObject().put("kind", "deny").put("schedule", "* * * * *");
    deny.put("duration", "1h").put("manualSync", false).putArray("applications").add("frozen-*");
    ObjectNode allow = windows.addObject().put("kind", "allow").put("schedule", "0 0 1 1 *");
    allow.put("duration", "1m").putArray("applications").add("nobody-*");
    given()
        .contentType(ContentType.JSON)
        .body(p.toString())
        .post("/api/v1/projects")
        .then()
        .statusCode(200);
    String frozen = unique("frozen");
    ObjectNode frozenApp = guestbookApp(frozen, "https://example.test/r.git", namespace);
    ((ObjectNode) frozenApp.get("spec")).put("project", project);
    create(frozenApp);

    JsonNode verdict = json("/api/v1/applications/" + frozen + "/syncwindows");
    assertThat(verdict.path("assignedWindows")).hasSize(1);
    assertThat(verdict.at("/assignedWindows/0/kind").asText()).isEqualTo("deny");
    assertThat(verdict.at("/assignedWindows/0/duration").asText()).isEqualTo("1h");
    assertThat(verdict.at("/assignedWindows/0/manualSync").asBoolean()).isFalse();
    assertThat(verdict.path("activeWindows")).hasSize(1);
    assertThat(verdict.path("canSync").asBoolean()).isFalse();
  }

  private String resource(String group, String version, String kind, String ns, String name) {
    return "/api/v1/applications/%s/resource?group=%s&version=%s&kind=%s&namespace=%s&resourceName=%s"
        .formatted(app, group, version, kind, ns, name);
  }

  private static JsonNode json(String path) {
    return read(given().get(path).then().statusCode(200).extract().asString());
  }
}
