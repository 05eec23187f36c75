package io.quargo.reposerver.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.support.HttpGitServer;
import io.quargo.reposerver.support.TestRepo;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API end to end: a real git daemon behind, problem+json for every failure. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ManifestResourceTest {

  static TestRepo repo;
  static String sha;

  @Inject ManifestService manifests;
  @Inject GitRepoCache git;
  @Inject RepoCredentials credentials;

  @BeforeAll
  static void serve() {
    repo = TestRepo.create(GitServer.shared(), "rest");
    repo.write("guestbook/cm.yaml", cm("one") + "---\n" + cm("two"))
        .write("guestbook/sub/deep.yaml", cm("deep"))
        .write("broken/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n")
        .write("kustomized/kustomization.yaml", "resources: []\n")
        .write("chart/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n")
        .write(
            "chart/templates/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n")
        .symlink("escape/evil.yaml", "/etc/hostname");
    sha = repo.commitAndPush("apps");
    repo.tag("v1.4.2", true);
  }

  @Test
  void rendersADirectoryWithRecurseAndReportsRevisionTypeAndOrigins() {
    given()
        .contentType(ContentType.JSON)
        .body(source("main", "guestbook", Map.of("recurse", true)))
        .post("/api/v1/manifests")
        .then()
        .statusCode(200)
        .body("revision", equalTo(sha))
        .body("sourceType", equalTo("Directory"))
        .body("manifests.metadata.name", equalTo(java.util.List.of("one", "two", "deep")))
        .body(
            "origins",
            equalTo(
                java.util.List.of(
                    "guestbook/cm.yaml", "guestbook/cm.yaml", "guestbook/sub/deep.yaml")));
  }

  @Test
  void resolvesASemverRange() {
    given()
        .contentType(ContentType.JSON)
        .body(source("^1.4", "guestbook", null))
        .post("/api/v1/manifests")
        .then()
        .statusCode(200)
        .body("revision", equalTo(sha));
  }

  @Test
  void aSecondRequestForTheSameCommitTouchesNeitherGitNorARenderer() {
    given()
        .contentType(ContentType.JSON)
        .body(source(sha, "guestbook", null))
        .post("/api/v1/manifests")
        .then()
        .statusCode(200);
    long renders = manifests.renderCount();
    long fetches = git.fetchCount();
    long lsRemotes = git.lsRemoteCount();
    given()
        .contentType(ContentType.JSON)
        .body(source(sha, "guestbook", null))
        .post("/api/v1/manifests")
        .then()
        .statusCode(200)
        .body("manifests.metadata.name", equalTo(java.util.List.of("one", "two")));
    assertThat(manifests.renderCount()).isEqualTo(renders);
    assertThat(git.fetchCount()).isEqualTo(fetches);
    assertThat(git.lsRemoteCount()).isEqualTo(lsRemotes);
  }

  @Test
  void countersAreOnTheMetricsEndpoint() {
    given()
        .contentType(ContentType.JSON)
        .body(source(sha, "guestbook", null))
        .post("/api/v1/manifests");
    given()
        .contentType(ContentType.JSON)
        .body(source(sha, "guestbook", null))
        .post("/api/v1/manifests");
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("quargo_repo_renders_total"))
        .body(containsString("quargo_repo_render_cache_hits_total"))
        .body(containsString("quargo_repo_git_fetches_total"));
  }

  @Test
  void unknownRevisionIsA404Problem() {
    problem(source("no-such-branch", "guestbook", null), 404)
        .body("type", equalTo("urn:quargo:problem:unknown-revision"))
        .body("detail", containsString("\"no-such-branch\""));
  }

  @Test
  void pathLeavingTheRepositoryIsA400Problem() {
    problem(source("main", "../../etc", null), 400)
        .body("type", equalTo("urn:quargo:problem:path-outside-repository"))
        .body("path", equalTo("../../etc"));
    problem(source("main", "/etc", null), 400)
        .body("detail", containsString("\"/etc\" is absolute"));
    problem(source("main", "escape", null), 400)
        .body("detail", containsString("\"escape/evil.yaml\" is or goes through a symlink"));
  }

  @Test
  void renderFailureIsA422ProblemNamingTheFile() {
    problem(source("main", "broken", null), 422)
        .body("file", equalTo("broken/x.yaml"))
        .body("detail", containsString("document 1, line"));
  }

  @Test
  void anEmptyKustomizationRendersNoObjects() {
    given()
        .contentType(ContentType.JSON)
        .body(source("main", "kustomized", null))
        .post("/api/v1/manifests")
        .then()
        .statusCode(200)
        .body("sourceType", equalTo("Kustomize"))
        .body("manifests.size()", equalTo(0));
  }

  @Test
  void fieldsThatWouldChangeTheOutputButAreNotImplementedAre501Problems() {
    Map<String, Object> body = new java.util.HashMap<>(source("main", "chart", null));
    body.put("directory", Map.of("jsonnet", Map.of("libs", java.util.List.of("vendor"))));
    problem(body, 501).body("detail", containsString("directory.jsonnet is not supported yet"));
    body.remove("directory");
    body.put("plugin", Map.of("name", "cmp"));
    problem(body, 501).body("detail", containsString("plugin is not supported yet"));
  }

  @Test
  void aBodyOfTheWrongShapeIsA400Problem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"repoURL\": \"x\", \"directory\": {\"recurse\": \"often\"}}")
        .post("/api/v1/manifests")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("directory.recurse"));
  }

  @Test
  void missingPathIsA404Problem() {
    problem(source("main", "nowhere", null), 404)
        .body("type", equalTo("urn:quargo:problem:path-not-found"));
  }

  @Test
  void rendersAHelmChartWithTheAppNameAsRelease() {
    given()
        .contentType(ContentType.JSON)
        .body(source("main", "chart", null))
        .post("/api/v1/manifests")
        .then()
        .statusCode(200)
        .body("sourceType", equalTo("Helm"))
        .body("manifests[0].metadata.name", equalTo("guestbook"))
        .body("origins[0]", equalTo("chart/templates/cm.yaml"));
  }

  @Test
  void listsRefsOfAnUrlEncodedRepository() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/repositories/" + encode(repo.url()) + "/refs")
        .then()
        .statusCode(200)
        .body("head", equalTo(sha))
        .body("branches.name", hasItem("main"))
        .body("tags.name", hasItem("v1.4.2"));
  }

  @Test
  void listsAppsWithTheirTypes() {
    given()
        .urlEncodingEnabled(false)
        .queryParam("revision", "main")
        .get("/api/v1/repositories/" + encode(repo.url()) + "/apps")
        .then()
        .statusCode(200)
        .body("revision", equalTo(sha))
        .body("apps.path", hasItems("guestbook", "guestbook/sub", "chart", "kustomized", "broken"))
        .body("apps.find { it.path == 'chart' }.type", equalTo("Helm"))
        .body("apps.find { it.path == 'kustomized' }.type", equalTo("Kustomize"))
        .body("apps.find { it.path == 'guestbook' }.type", equalTo("Directory"));
  }

  @Test
  void authenticationFailuresAre401And403Problems() {
    GitServer server = GitServer.shared();
    String name = server.createUniqueRepo("private");
    server.commit(name, Map.of("app/cm.yaml", cm("secret")), "private");
    try (HttpGitServer http =
        HttpGitServer.start(
            server.repos().dir(name).getParent(), Map.of("alice", "pw"), Map.of("bob", "pw"))) {
      Map<String, Object> body = new java.util.HashMap<>(source("main", "app", null));
      body.put("repoURL", http.url(name));
      problem(body, 401).body("type", equalTo("urn:quargo:problem:git-authentication-failed"));
      try {
        credentials.put(http.url(name), new GitCredentials("bob", "pw"));
        problem(body, 403).body("type", equalTo("urn:quargo:problem:git-access-denied"));
        credentials.put(http.url(name), new GitCredentials("alice", "pw"));
        given()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/manifests")
            .then()
            .statusCode(200)
            .body("manifests[0].metadata.name", equalTo("secret"));
      } finally {
        credentials.remove(http.url(name));
      }
    }
  }

  @Test
  void anUnreachableRepositoryIsAProblemToo() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/repositories/" + encode(GitServer.shared().url("missing")) + "/refs")
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:quargo:problem:git-unavailable"));
  }

  private static io.restassured.response.ValidatableResponse problem(
      Map<String, Object> body, int status) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/manifests")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status));
  }

  private static Map<String, Object> source(
      String revision, String path, Map<String, Object> directory) {
    var body = new java.util.HashMap<String, Object>();
    body.put("repoURL", repo.url());
    body.put("targetRevision", revision);
    body.put("path", path);
    body.put("appName", "guestbook");
    body.put("namespace", "default");
    if (directory != null) {
      body.put("directory", directory);
    }
    return body;
  }

  private static String encode(String url) {
    return URLEncoder.encode(url, StandardCharsets.UTF_8);
  }

  private static String cm(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }
}
