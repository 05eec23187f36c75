package io.quargo.appcontroller.repository;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
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
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Registered repositories: stored sealed, answered without secrets, checked through repo-server,
 * and their credentials sent with every manifest request for an app of that repository. The
 * repository here is protected in {@link RepoServerStub} (repo-server's own test shows the same
 * credentials against Git's smart HTTP with basic auth).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class RepositoryCredentialsTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  GitServer git;

  @Inject AgroalDataSource db;

  @Test
  void aRegisteredRepositorysCredentialsReachRepoServerAndNeverComeBack() throws Exception {
    String repo = guestbookRepo(git);
    String url = git.url(repo);
    String password = "pw-" + unique("secret");
    RepoServerStub.protect(url, "alice", password);

    String name = unique("private-gb");
    create(guestbookApp(name, url, unique("ns")));
    await()
        .atMost(LONG)
        .until(() -> get(name).at("/status/conditions").toString().contains("authentication"));

    JsonNode wrong = post(body(url, "alice", "not-" + password));
    assertThat(wrong.at("/connectionState/status").asText()).isEqualTo("Failed");
    assertThat(wrong.at("/connectionState/message").asText()).contains("authentication");

    JsonNode registered = post(body(url, "alice", password), true);
    assertThat(registered.at("/connectionState/status").asText()).isEqualTo("Successful");
    assertThat(registered.path("username").asText()).isEqualTo("alice");
    assertThat(registered.toString()).doesNotContain(password);

    given()
        .queryParam("refresh", "normal")
        .get("/api/v1/applications/" + name)
        .then()
        .statusCode(200);
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    assertThat(RepoServerStub.lastRepo(name).path("password").asText()).isEqualTo(password);
    assertThat(RepoServerStub.lastRepo(name).path("username").asText()).isEqualTo("alice");

    String listed = given().get("/api/v1/repositories").then().statusCode(200).extract().asString();
    assertThat(listed).contains(url).doesNotContain(password);
    String one =
        given()
            .urlEncodingEnabled(false)
            .get("/api/v1/repositories/" + URLEncoder.encode(url, StandardCharsets.UTF_8))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(read(one).at("/connectionState/status").asText()).isEqualTo("Successful");
    assertThat(one).doesNotContain(password);

    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT * FROM app_controller.repository WHERE repo = ?")) {
      q.setString(1, url);
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).isTrue();
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
          all.append(row.getString(i)).append('|');
        }
        assertThat(all.toString()).doesNotContain(password);
        assertThat(row.getString("secret_sealed")).startsWith("v1:");
      }
    }

    given()
        .urlEncodingEnabled(false)
        .delete("/api/v1/repositories/" + URLEncoder.encode(url, StandardCharsets.UTF_8))
        .then()
        .statusCode(200);
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/repositories/" + URLEncoder.encode(url, StandardCharsets.UTF_8))
        .then()
        .statusCode(404);
  }

  @Test
  void badRepositoryBodiesAre400sNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\":\"git\"}")
        .post("/api/v1/repositories")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"repo\":\"https://example.com/x.git\",\"type\":\"svn\"}")
        .post("/api/v1/repositories")
        .then()
        .statusCode(400);
  }

  private static ObjectNode body(String url, String username, String password) {
    return Json.mapper()
        .createObjectNode()
        .put("repo", url)
        .put("type", "git")
        .put("username", username)
        .put("password", password);
  }

  private static JsonNode post(ObjectNode body) {
    return post(body, false);
  }

  private static JsonNode post(ObjectNode body, boolean upsert) {
    return read(
        given()
            .contentType(ContentType.JSON)
            .queryParam("upsert", upsert)
            .body(body.toString())
            .post("/api/v1/repositories")
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }
}
