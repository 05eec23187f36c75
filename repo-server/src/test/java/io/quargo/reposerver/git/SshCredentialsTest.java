package io.quargo.reposerver.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.reposerver.support.SshGitServer;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** SSH private-key credentials with strict host key checking, against a real SSH server. */
@ExtendWith(GitServerExtension.class)
class SshCredentialsTest {

  static SshGitServer ssh;
  static String url;
  static String sha;
  static KeyPair allowed;
  static KeyPair stranger;

  @TempDir static Path keys;
  @TempDir Path cacheDir;

  @BeforeAll
  static void serve(GitServer server) throws Exception {
    String name = server.createUniqueRepo("ssh");
    sha = server.commit(name, Map.of("app/cm.yaml", "a: 1\n"), "over ssh");
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    allowed = rsa.generateKeyPair();
    stranger = rsa.generateKeyPair();
    ssh =
        SshGitServer.start(
            server.repos().dir(name).getParent(), keys.resolve("host.ser"), allowed.getPublic());
    url = ssh.url(name);
  }

  @AfterAll
  static void stop() {
    ssh.close();
  }

  @Test
  void resolvesAndFetchesWithAPrivateKeyAndKnownHosts() {
    GitRevisions revisions = revisions();
    GitCredentials credentials = GitCredentials.ssh(pem(allowed), ssh.knownHostsLine());
    assertThat(revisions.resolve(url, credentials, "main").sha()).isEqualTo(sha);
    assertThat(revisions.cache().fetchCount()).isEqualTo(1);
  }

  @Test
  void anUnknownKeyIsUnauthorized() {
    GitCredentials credentials = GitCredentials.ssh(pem(stranger), ssh.knownHostsLine());
    assertThatThrownBy(() -> revisions().resolve(url, credentials, "main"))
        .isInstanceOf(GitAccessException.class)
        .satisfies(e -> assertThat(((GitAccessException) e).status()).isEqualTo(401));
  }

  @Test
  void aHostKeyThatIsNotKnownIsRefused() {
    String otherHost = "[127.0.0.1]:1 " + ssh.knownHostsLine().split(" ", 2)[1];
    GitCredentials credentials = GitCredentials.ssh(pem(allowed), otherHost);
    assertThatThrownBy(() -> revisions().resolve(url, credentials, "main"))
        .isInstanceOf(GitAccessException.class)
        .hasMessageContaining("Server key did not validate");
  }

  @Test
  void withoutAKeyItIsUnauthorized() {
    assertThatThrownBy(() -> revisions().resolve(url, GitCredentials.NONE, "main"))
        .isInstanceOf(GitAccessException.class)
        .hasMessageContaining("no SSH private key is configured");
  }

  private GitRevisions revisions() {
    return new GitRevisions(new GitRepoCache(cacheDir, Duration.ofSeconds(30)), Duration.ZERO);
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
