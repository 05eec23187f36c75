package io.quargo.reposerver.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.reposerver.support.HttpGitServer;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS-style credentials over Git's smart HTTP protocol with basic authentication. */
@ExtendWith(GitServerExtension.class)
class HttpCredentialsTest {

  static HttpGitServer http;
  static String url;
  static String sha;

  @TempDir Path cacheDir;

  @BeforeAll
  static void serve(GitServer server) {
    String name = server.createUniqueRepo("private");
    sha = server.commit(name, Map.of("app/cm.yaml", "a: 1\n"), "private content");
    Path root = server.repos().dir(name).getParent();
    http = HttpGitServer.start(root, Map.of("alice", "s3cret"), Map.of("mallory", "known"));
    url = http.url(name);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void clonesWithUserAndPassword() {
    GitRevisions revisions = revisions();
    assertThat(revisions.resolve(url, new GitCredentials("alice", "s3cret"), "main").sha())
        .isEqualTo(sha);
    assertThat(revisions.refs(url, new GitCredentials("alice", "s3cret")).head()).isEqualTo(sha);
  }

  @Test
  void withoutCredentialsIsUnauthorized() {
    assertThatThrownBy(() -> revisions().resolve(url, GitCredentials.NONE, "main"))
        .isInstanceOf(GitAccessException.class)
        .satisfies(e -> assertThat(((GitAccessException) e).status()).isEqualTo(401))
        .hasMessageContaining("configure a username and password or token");
  }

  @Test
  void aWrongPasswordIsUnauthorizedAndNeverShown() {
    assertThatThrownBy(
            () -> revisions().resolve(url, new GitCredentials("alice", "wrong-pw"), "main"))
        .isInstanceOf(GitAccessException.class)
        .satisfies(e -> assertThat(((GitAccessException) e).status()).isEqualTo(401))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pw"));
  }

  @Test
  void aKnownUserWithoutAccessIsForbidden() {
    assertThatThrownBy(
            () -> revisions().resolve(url, new GitCredentials("mallory", "known"), "main"))
        .isInstanceOf(GitAccessException.class)
        .satisfies(e -> assertThat(((GitAccessException) e).status()).isEqualTo(403));
  }

  @Test
  void credentialsInTheUrlAreRedactedFromErrors() {
    String withSecret =
        url.replace("http://", "http://alice:topsecret@").replace("private", "nothing");
    assertThatThrownBy(() -> revisions().resolve(withSecret, GitCredentials.NONE, "main"))
        .isInstanceOf(GitAccessException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
  }

  private GitRevisions revisions() {
    return new GitRevisions(new GitRepoCache(cacheDir, Duration.ofSeconds(30)), Duration.ZERO);
  }
}
