package io.quargo.reposerver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.support.HttpGitServer;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credentials of a registered repository, as app-controller sends them (Argo's {@code repo} in a
 * manifest request, or the body of a refs check), against Git's smart HTTP with basic auth: they
 * are used, and remembered for later requests and polling.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RegisteredRepositoryCredentialsTest {

  @Inject RepoCredentials credentials;

  @Test
  void credentialsSentWithARequestAreUsedAndRemembered() {
    GitServer server = GitServer.shared();
    String name = server.createUniqueRepo("registered");
    server.commit(name, Map.of("app/cm.yaml", configMap("registered")), "private");
    try (HttpGitServer http =
        HttpGitServer.start(
            server.repos().dir(name).getParent(), Map.of("alice", "pw"), Map.of("bob", "pw"))) {
      String url = http.url(name);
      String refs = "/api/v1/repositories/" + URLEncoder.encode(url, StandardCharsets.UTF_8);
      try {
        given().urlEncodingEnabled(false).get(refs + "/refs").then().statusCode(401);

        given()
            .urlEncodingEnabled(false)
            .contentType(ContentType.JSON)
            .body(Map.of("username", "bob", "password", "pw"))
            .post(refs + "/refs")
            .then()
            .statusCode(403);

        Map<String, Object> body = new HashMap<>();
        body.put("repoURL", url);
        body.put("targetRevision", "main");
        body.put("path", "app");
        body.put("appName", "registered");
        body.put("repo", Map.of("repo", url, "username", "alice", "password", "pw"));
        given()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/manifests")
            .then()
            .statusCode(200)
            .body("manifests[0].metadata.name", equalTo("registered"));

        // no credentials in this request: the registered ones were kept
        given()
            .urlEncodingEnabled(false)
            .get(refs + "/refs")
            .then()
            .statusCode(200)
            .body("head", notNullValue());
        assertKept(url.replaceAll("\\.git$", "") + "/");

        // a check without credentials forgets them
        given()
            .urlEncodingEnabled(false)
            .contentType(ContentType.JSON)
            .body("{}")
            .post(refs + "/refs")
            .then()
            .statusCode(401);
      } finally {
        credentials.remember(url, GitCredentials.NONE);
      }
    }
  }

  private void assertKept(String sameRepoWrittenOtherwise) {
    GitCredentials kept = credentials.forUrl(sameRepoWrittenOtherwise);
    if (!"alice".equals(kept.username()) || !kept.toString().contains("****")) {
      throw new AssertionError("expected alice's credentials for " + sameRepoWrittenOtherwise);
    }
  }

  private static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  k: v\n";
  }
}
