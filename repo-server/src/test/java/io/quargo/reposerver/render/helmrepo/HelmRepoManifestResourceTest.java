package io.quargo.reposerver.render.helmrepo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.watch.RevisionDetector;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/manifests} with a chart from a Helm repository on loopback: the manifests
 * with the chart version as revision, and problem+json for what the repository cannot give.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class HelmRepoManifestResourceTest {

  static Path work;
  static HelmRepoServer repo;

  @Inject RepoCredentials credentials;
  @Inject RevisionDetector detector;

  @BeforeAll
  static void serve() throws IOException {
    work = Files.createTempDirectory("helm-repo-rest-");
    Path chart = Files.createDirectories(work.resolve("site/templates"));
    Files.writeString(
        chart.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-site\n"
            + "data:\n  color: {{ .Values.color | quote }}\n");
    Files.writeString(work.resolve("site/values.yaml"), "color: blue\n");
    repo = new HelmRepoServer(work.resolve("server"));
    repo.publish(work.resolve("site"), "site", "0.9.0", false)
        .publish(work.resolve("site"), "site", "1.0.1", false);
  }

  @AfterAll
  static void stop() {
    repo.close();
  }

  @Test
  void rendersTheChartVersionTheRangeSelects() {
    Map<String, Object> body = source("site", "^1.0");
    body.put("helm", Map.of("parameters", List.of(Map.of("name", "color", "value", "red"))));
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/manifests")
        .then()
        .statusCode(200)
        .body("revision", equalTo("1.0.1"))
        .body("sourceType", equalTo("Helm"))
        .body("manifests[0].metadata.name", equalTo("shop-site"))
        .body("manifests[0].data.color", equalTo("red"))
        .body("origins[0]", equalTo("site/templates/cm.yaml"));
    // a Helm repository has no Git refs: it is not polled (ls-remote) like a Git repository
    assertThat(repo.hits("/repo/info/refs")).isZero();
    assertThat(detector.watched()).doesNotContain(repo.url());
  }

  @Test
  void unknownChartAndVersionAreProblemsNamingWhatExists() {
    problem(source("nginx", "1.0.0"), 404)
        .body("type", equalTo("urn:quargo:problem:helm-chart-not-found"))
        .body("repoURL", equalTo(repo.url()))
        .body("detail", containsString("charts there include site"));
    problem(source("site", "2.x"), 404)
        .body("type", equalTo("urn:quargo:problem:helm-chart-version-not-found"))
        .body("availableVersions", equalTo(List.of("1.0.1", "0.9.0")));
    problem(source("site", ""), 400).body("detail", containsString("targetRevision is required"));
  }

  @Test
  void aProtectedRepositoryNeedsCredentialsForItsUrl() {
    try (HelmRepoServer locked = new HelmRepoServer(work.resolve("locked"))) {
      locked.publish(work.resolve("site"), "site", "1.0.0", false).requireAuth("robot", "pw");
      Map<String, Object> body = source("site", "1.0.0");
      body.put("repoURL", locked.url());
      problem(body, 401)
          .body("type", equalTo("urn:quargo:problem:helm-repo-authentication-failed"));
      credentials.put(locked.url(), new GitCredentials("robot", "pw"));
      try {
        given()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/manifests")
            .then()
            .statusCode(200)
            .body("revision", equalTo("1.0.0"));
      } finally {
        credentials.remove(locked.url());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ValidatableResponse problem(Map<String, Object> body, int status) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/manifests")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status));
  }

  private static Map<String, Object> source(String chart, String version) {
    Map<String, Object> body = new HashMap<>();
    body.put("repoURL", repo.url());
    body.put("chart", chart);
    body.put("targetRevision", version);
    body.put("appName", "shop");
    body.put("namespace", "web");
    return body;
  }
}
