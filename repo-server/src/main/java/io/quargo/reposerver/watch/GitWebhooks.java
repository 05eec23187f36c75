package io.quargo.reposerver.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.reposerver.RepoServerException;
import io.quargo.reposerver.config.RepoServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads Git webhooks as Argo CD's {@code /api/webhook} does: GitHub ({@code X-GitHub-Event}, {@code
 * X-Hub-Signature-256}), GitLab ({@code X-Gitlab-Event}, {@code X-Gitlab-Token}), Gitea and Gogs
 * ({@code X-Gitea-Event} / {@code X-Gogs-Event}, HMAC signature), Bitbucket Cloud ({@code
 * X-Event-Key: repo:push}, {@code X-Hook-UUID}) and Bitbucket Server ({@code X-Event-Key:
 * repo:refs_changed}, {@code X-Hub-Signature}). A provider with a configured secret must prove it
 * (401 otherwise); events other than pushes are acknowledged and ignored.
 */
public final class GitWebhooks {

  private final RepoServerConfig.Webhook secrets;

  public GitWebhooks(RepoServerConfig.Webhook secrets) {
    this.secrets = secrets;
  }

  /**
   * The push in {@code body} (headers looked up case-insensitively by {@code header}); empty for an
   * event that is not a push (a ping). Throws a 401 problem for a bad signature or token and a 400
   * problem for a request no provider sent.
   */
  public Optional<PushNotice> read(Function<String, String> header, byte[] body) {
    if (header.apply("X-GitHub-Event") != null) {
      verifyHmac(
          secrets.githubSecret(),
          header.apply("X-Hub-Signature-256"),
          "sha256=",
          body,
          "GitHub",
          "X-Hub-Signature-256");
      return "push".equals(header.apply("X-GitHub-Event"))
          ? Optional.of(githubLike("github", json(body)))
          : Optional.empty();
    }
    if (header.apply("X-Gitlab-Event") != null) {
      verifyToken(
          secrets.gitlabSecret(), header.apply("X-Gitlab-Token"), "GitLab", "X-Gitlab-Token");
      String event = header.apply("X-Gitlab-Event");
      return event.equals("Push Hook") || event.equals("Tag Push Hook")
          ? Optional.of(gitlab(json(body)))
          : Optional.empty();
    }
    String gitea = first(header.apply("X-Gitea-Event"), header.apply("X-Gogs-Event"));
    if (gitea != null) {
      String signature = first(header.apply("X-Gitea-Signature"), header.apply("X-Gogs-Signature"));
      verifyHmac(secrets.giteaSecret(), signature, "", body, "Gitea", "X-Gitea-Signature");
      return "push".equals(gitea) ? Optional.of(githubLike("gitea", json(body))) : Optional.empty();
    }
    String key = header.apply("X-Event-Key");
    if (key != null && header.apply("X-Hook-UUID") != null) {
      verifyToken(secrets.bitbucketUuid(), header.apply("X-Hook-UUID"), "Bitbucket", "X-Hook-UUID");
      return "repo:push".equals(key) ? Optional.of(bitbucketCloud(json(body))) : Optional.empty();
    }
    if (key != null) {
      verifyHmac(
          secrets.bitbucketServerSecret(),
          header.apply("X-Hub-Signature"),
          "sha256=",
          body,
          "Bitbucket Server",
          "X-Hub-Signature");
      return "repo:refs_changed".equals(key)
          ? Optional.of(bitbucketServer(json(body)))
          : Optional.empty();
    }
    throw new RepoServerException(
        400,
        "unknown-webhook",
        "Unknown webhook",
        "no X-GitHub-Event, X-Gitlab-Event, X-Gitea-Event, X-Gogs-Event or X-Event-Key header;"
            + " send push events of GitHub, GitLab, Gitea, Gogs or Bitbucket as JSON",
        Map.of());
  }

  /** {@code sha256=} + hex HMAC-SHA256 of {@code body} with {@code secret}, as GitHub signs. */
  public static String hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static PushNotice githubLike(String provider, JsonNode p) {
    JsonNode repo = p.path("repository");
    return new PushNotice(
        provider,
        urls(
            repo.path("html_url"),
            repo.path("clone_url"),
            repo.path("ssh_url"),
            repo.path("git_url")),
        text(p.path("ref")),
        text(p.path("before")),
        text(p.path("after")));
  }

  private static PushNotice gitlab(JsonNode p) {
    JsonNode project = p.path("project");
    JsonNode repo = p.path("repository");
    return new PushNotice(
        "gitlab",
        urls(
            project.path("web_url"),
            project.path("git_http_url"),
            project.path("git_ssh_url"),
            repo.path("homepage"),
            repo.path("git_http_url"),
            repo.path("git_ssh_url")),
        text(p.path("ref")),
        text(p.path("before")),
        text(p.path("after")));
  }

  private static PushNotice bitbucketCloud(JsonNode p) {
    JsonNode repo = p.path("repository");
    List<String> urls = new ArrayList<>(urls(repo.path("links").path("html").path("href")));
    String fullName = text(repo.path("full_name"));
    if (fullName != null) {
      urls.add("https://bitbucket.org/" + fullName + ".git");
      urls.add("git@bitbucket.org:" + fullName + ".git");
    }
    JsonNode change = p.path("push").path("changes").path(0);
    JsonNode next = change.path("new");
    String ref = text(next.path("name"));
    if (ref != null) {
      ref = ("tag".equals(text(next.path("type"))) ? "refs/tags/" : "refs/heads/") + ref;
    }
    return new PushNotice(
        "bitbucket",
        urls,
        ref,
        text(change.path("old").path("target").path("hash")),
        text(next.path("target").path("hash")));
  }

  private static PushNotice bitbucketServer(JsonNode p) {
    List<String> urls = new ArrayList<>();
    p.path("repository")
        .path("links")
        .path("clone")
        .forEach(c -> urls.addAll(urls(c.path("href"))));
    JsonNode change = p.path("changes").path(0);
    return new PushNotice(
        "bitbucket-server",
        urls,
        text(change.path("ref").path("id")),
        text(change.path("fromHash")),
        text(change.path("toHash")));
  }

  private static void verifyHmac(
      Optional<String> secret,
      String given,
      String prefix,
      byte[] body,
      String provider,
      String name) {
    if (secret.isEmpty() || secret.get().isEmpty()) {
      return;
    }
    String expected = prefix + hmacSha256(secret.get(), body);
    if (given == null || !constantTimeEquals(expected, given.trim())) {
      throw unauthorized(provider, name);
    }
  }

  private static void verifyToken(
      Optional<String> secret, String given, String provider, String name) {
    if (secret.isEmpty() || secret.get().isEmpty()) {
      return;
    }
    if (given == null || !constantTimeEquals(secret.get(), given)) {
      throw unauthorized(provider, name);
    }
  }

  private static RepoServerException unauthorized(String provider, String header) {
    return new RepoServerException(
        401,
        "webhook-unauthorized",
        "Webhook not verified",
        provider
            + " webhook: header "
            + header
            + " is missing or does not match the configured secret; set the same secret in the"
            + " Git provider and in quargo.repo-server.webhook",
        Map.of("header", header));
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(byte[] body) {
    try {
      JsonNode node = Json.mapper().readTree(body);
      if (node == null || !node.isObject()) {
        throw new IOException("not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new RepoServerException(
          400,
          "invalid-webhook",
          "Invalid webhook payload",
          "the webhook body is not a JSON object ("
              + e.getMessage()
              + "); set the webhook's content type to application/json",
          Map.of());
    }
  }

  private static List<String> urls(JsonNode... nodes) {
    List<String> urls = new ArrayList<>();
    for (JsonNode node : nodes) {
      String text = text(node);
      if (text != null && !text.isBlank()) {
        urls.add(text);
      }
    }
    return urls;
  }

  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
