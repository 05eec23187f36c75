package io.quargo.reposerver.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.reposerver.RepoServerException;
import io.quargo.reposerver.config.RepoServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Payload and signature reading of each provider's push webhook, and repository URL matching. */
class GitWebhooksTest {

  static final GitWebhooks WEBHOOKS = new GitWebhooks(new Secrets());

  @Test
  void giteaPushIsVerifiedByItsHexSignature() {
    byte[] body =
        bytes(
            """
            {"ref": "refs/heads/main", "before": "a1", "after": "b2",
             "repository": {"html_url": "https://gitea.example/org/app",
              "clone_url": "https://gitea.example/org/app.git",
              "ssh_url": "git@gitea.example:org/app.git"}}
            """);
    PushNotice push =
        WEBHOOKS
            .read(
                headers(
                    "X-Gitea-Event",
                    "push",
                    "X-Gitea-Signature",
                    GitWebhooks.hmacSha256("gitea-secret", body)),
                body)
            .orElseThrow();
    assertThat(push.provider()).isEqualTo("gitea");
    assertThat(push.ref()).isEqualTo("refs/heads/main");
    assertThat(push.repoUrls()).hasSize(3);
    assertThatThrownBy(
            () -> WEBHOOKS.read(headers("X-Gitea-Event", "push", "X-Gitea-Signature", "00"), body))
        .isInstanceOf(RepoServerException.class)
        .satisfies(e -> assertThat(((RepoServerException) e).status()).isEqualTo(401));
  }

  @Test
  void bitbucketCloudPushNeedsTheHookUuidAndGivesTheRefAndHashes() {
    byte[] body =
        bytes(
            """
            {"repository": {"full_name": "org/app",
              "links": {"html": {"href": "https://bitbucket.org/org/app"}}},
             "push": {"changes": [{"old": {"target": {"hash": "a1"}},
               "new": {"type": "branch", "name": "main", "target": {"hash": "b2"}}}]}}
            """);
    PushNotice push =
        WEBHOOKS
            .read(headers("X-Event-Key", "repo:push", "X-Hook-UUID", "hook-uuid"), body)
            .orElseThrow();
    assertThat(push)
        .isEqualTo(
            new PushNotice(
                "bitbucket",
                java.util.List.of(
                    "https://bitbucket.org/org/app",
                    "https://bitbucket.org/org/app.git",
                    "git@bitbucket.org:org/app.git"),
                "refs/heads/main",
                "a1",
                "b2"));
    assertThatThrownBy(
            () -> WEBHOOKS.read(headers("X-Event-Key", "repo:push", "X-Hook-UUID", "other"), body))
        .hasMessageContaining("X-Hook-UUID");
  }

  @Test
  void bitbucketServerRefsChangedIsVerifiedByXHubSignature() {
    byte[] body =
        bytes(
            """
            {"repository": {"links": {"clone": [
              {"href": "ssh://git@bbs.example:7999/prj/app.git", "name": "ssh"},
              {"href": "https://bbs.example/scm/prj/app.git", "name": "http"}]}},
             "changes": [{"ref": {"id": "refs/heads/main"}, "fromHash": "a1", "toHash": "b2"}]}
            """);
    PushNotice push =
        WEBHOOKS
            .read(
                headers(
                    "X-Event-Key",
                    "repo:refs_changed",
                    "X-Hub-Signature",
                    "sha256=" + GitWebhooks.hmacSha256("bbs-secret", body)),
                body)
            .orElseThrow();
    assertThat(push.repoUrls()).hasSize(2);
    assertThat(push.after()).isEqualTo("b2");
  }

  @Test
  void aRequestFromNoKnownProviderIs400AndNonPushEventsAreIgnored() {
    assertThatThrownBy(() -> WEBHOOKS.read(headers(), bytes("{}")))
        .hasMessageContaining("X-GitHub-Event");
    assertThat(
            WEBHOOKS.read(
                headers("X-Gitlab-Event", "Issue Hook", "X-Gitlab-Token", "gl"), bytes("{}")))
        .isEmpty();
  }

  @Test
  void urlsMatchAcrossSchemesUsersCaseAndDotGit() {
    assertThat(RepoUrls.same("https://GitHub.com/Org/App.git", "git@github.com:org/app")).isTrue();
    assertThat(RepoUrls.same("ssh://git@github.com/org/app.git/", "https://github.com/org/app"))
        .isTrue();
    assertThat(RepoUrls.same("https://user:pw@host/org/app", "https://host/org/app")).isTrue();
    assertThat(RepoUrls.same("https://github.com/org/app", "https://github.com/org/app2"))
        .isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static java.util.function.Function<String, String> headers(String... kv) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return map::get;
  }

  /** Test secrets, one per provider. */
  static final class Secrets implements RepoServerConfig.Webhook {
    @Override
    public Optional<String> githubSecret() {
      return Optional.of("gh-secret");
    }

    @Override
    public Optional<String> gitlabSecret() {
      return Optional.of("gl");
    }

    @Override
    public Optional<String> giteaSecret() {
      return Optional.of("gitea-secret");
    }

    @Override
    public Optional<String> bitbucketUuid() {
      return Optional.of("hook-uuid");
    }

    @Override
    public Optional<String> bitbucketServerSecret() {
      return Optional.of("bbs-secret");
    }
  }
}
