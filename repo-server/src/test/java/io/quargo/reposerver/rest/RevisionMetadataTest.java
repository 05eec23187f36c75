package io.quargo.reposerver.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/repositories/{repo}/revisions/{revision}/metadata}: Argo's RevisionMetadata of
 * a commit named by SHA, short SHA, branch or tag; an unknown revision is a 404 problem.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RevisionMetadataTest {

  @Test
  void aCommitIsDescribedByAuthorDateMessageAndTags() {
    GitServer git = GitServer.shared();
    String name = git.createUniqueRepo("metadata");
    Instant before = Instant.now().minusSeconds(1);
    String first = git.commit(name, Map.of("a.yaml", "a: 1\n"), "first commit\n\nwith a body line");
    git.tag(name, "v1.0.0", first);
    git.tag(name, "stable", first);
    String second = git.commit(name, Map.of("a.yaml", "a: 2\n"), "second commit");

    JsonPath bySha = metadata(name, first);
    assertThat(bySha.getString("author")).isEqualTo("Quargo Devstack <devstack@quargo.local>");
    assertThat(bySha.getString("message")).isEqualTo("first commit\n\nwith a body line");
    assertThat(bySha.getList("tags", String.class)).containsExactly("stable", "v1.0.0");
    assertThat(bySha.getString("signatureInfo")).isEmpty();
    Instant date = Instant.parse(bySha.getString("date"));
    assertThat(date).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));

    assertThat(metadata(name, "v1.0.0").getString("message")).startsWith("first commit");
    assertThat(metadata(name, first.substring(0, 7)).getList("tags")).hasSize(2);
    JsonPath head = metadata(name, "main");
    assertThat(head.getString("message")).isEqualTo("second commit");
    assertThat(head.getList("tags")).isEmpty();
    assertThat(metadata(name, second).getString("message")).isEqualTo("second commit");
    git.commit(name, "feature/x", Map.of("b.yaml", "b: 1\n"), "on a branch with a slash");
    assertThat(metadata(name, "feature/x").getString("message"))
        .isEqualTo("on a branch with a slash");
  }

  @Test
  void anUnknownRevisionIsNotFound() {
    GitServer git = GitServer.shared();
    String name = git.createUniqueRepo("metadata-unknown");
    git.commit(name, Map.of("a.yaml", "a: 1\n"), "only");
    given()
        .urlEncodingEnabled(false)
        .get(path(name, "no-such-branch"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no-such-branch"));
    given()
        .urlEncodingEnabled(false)
        .get(path(name, "0123456789abcdef0123456789abcdef01234567"))
        .then()
        .statusCode(equalTo(404));
  }

  private static JsonPath metadata(String repo, String revision) {
    return given()
        .urlEncodingEnabled(false)
        .get(path(repo, revision))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String path(String repo, String revision) {
    return "/api/v1/repositories/"
        + URLEncoder.encode(GitServer.shared().url(repo), StandardCharsets.UTF_8)
        + "/revisions/"
        + URLEncoder.encode(revision, StandardCharsets.UTF_8)
        + "/metadata";
  }
}
