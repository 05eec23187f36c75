package io.quargo.reposerver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** repo-server settings, under {@code quargo.repo-server}. */
@ConfigMapping(prefix = "quargo.repo-server")
public interface RepoServerConfig {

  /**
   * Where clones and per-commit trees live; default {@code ${java.io.tmpdir}/quargo-repo-server}.
   */
  Optional<String> cacheDir();

  /** How long a resolved branch, tag or range is trusted before asking the Git server again. */
  @WithDefault("3m")
  Duration revisionCacheTtl();

  /** Time-out of one Git network operation (ls-remote, fetch). */
  @WithDefault("60s")
  Duration gitTimeout();

  /** How many commits' file trees are kept on disk per repository (unused ones are removed). */
  @WithDefault("10")
  int commitTreesPerRepository();

  /** How many rendered sources the in-memory render cache keeps. */
  @WithDefault("2000")
  long renderCacheSize();

  /**
   * Where rendered manifests are also kept on disk, by cache key, so that a restarted repo-server
   * answers without Git or a renderer; unset, renders are cached in memory only.
   */
  Optional<String> renderCacheDir();

  /** Limits of one render (see {@code render.RenderLimits}). */
  Render render();

  /** How often watched repositories (those whose manifests were requested) are polled. */
  @WithDefault("3m")
  Duration pollInterval();

  /** Git webhook secrets, as Argo CD's {@code webhook.*.secret} keys. */
  Webhook webhook();

  /** Kustomize settings. */
  Kustomize kustomize();

  /** Credentials per repository, keyed by any name; matched on the repository URL prefix. */
  Map<String, Credentials> credentials();

  /**
   * Credentials for repositories whose URL starts with {@link #urlPrefix()}: a user and password
   * (or token) for HTTPS, or an SSH private key with known hosts for {@code ssh://}.
   */
  interface Credentials {
    /** The repository URL or a URL prefix (an organisation) these credentials are for. */
    String urlPrefix();

    /** The user name; for a bare token, leave it out. */
    Optional<String> username();

    /** The password or access token. */
    Optional<String> password();

    /** An SSH private key (PEM or OpenSSH text); needs {@link #knownHosts()}. */
    Optional<String> sshPrivateKey();

    /** known_hosts lines the SSH server's host key must match. */
    Optional<String> knownHosts();
  }

  /** Limits of one render; passing one is a 422 problem naming the key and the app path. */
  interface Render {
    /** The rendered manifests' total size as JSON, in bytes. */
    @WithDefault("67108864")
    long maxManifestBytes();

    /** How many repository files one render may read (a Helm chart's files all count). */
    @WithDefault("10000")
    int maxFiles();

    /** How long one render may run; a slower one is stopped and nothing of it is cached. */
    @WithDefault("90s")
    Duration maxTime();
  }

  /** How kustomizations the Java engine refuses are rendered. */
  interface Kustomize {
    /**
     * A real {@code kustomize} (run as {@code kustomize build DIR}) or {@code kubectl} (run as
     * {@code kubectl kustomize DIR}) for kustomizations that use fields the Java engine lacks;
     * unset, such a kustomization is an error naming the field.
     */
    Optional<String> binary();

    /** How long one run of the external binary may take. */
    @WithDefault("90s")
    Duration timeout();
  }

  /**
   * Shared secrets of {@code POST /api/webhook}, one per provider; a provider without one is
   * accepted unverified, as in Argo CD. Never logged.
   */
  interface Webhook {
    /** GitHub's secret: {@code X-Hub-Signature-256} must be its HMAC-SHA256 of the body. */
    Optional<String> githubSecret();

    /** GitLab's secret token: {@code X-Gitlab-Token} must equal it. */
    Optional<String> gitlabSecret();

    /** Gitea's (and Gogs') secret: {@code X-Gitea-Signature} is its HMAC-SHA256 of the body. */
    Optional<String> giteaSecret();

    /** Bitbucket Cloud's webhook UUID: {@code X-Hook-UUID} must equal it. */
    Optional<String> bitbucketUuid();

    /** Bitbucket Server's secret: {@code X-Hub-Signature} is its HMAC-SHA256 of the body. */
    Optional<String> bitbucketServerSecret();
  }
}
