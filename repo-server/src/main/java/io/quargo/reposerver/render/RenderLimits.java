package io.quargo.reposerver.render;

import java.time.Duration;

/**
 * How much one render may produce, read and take, so that one app (a Helm chart with a runaway
 * template loop, a directory of generated YAML, an external kustomize that hangs) cannot take the
 * repo-server down with it. Each limit is a {@code quargo.repo-server.render.*} key; exceeding one
 * is a 422 problem naming the key and the app path, and nothing is cached.
 *
 * @param maxManifestBytes the rendered manifests' total size, as JSON
 * @param maxFiles how many repository files one render may read
 * @param maxTime how long one render may run
 */
public record RenderLimits(long maxManifestBytes, int maxFiles, Duration maxTime) {

  /** Config key of {@link #maxManifestBytes()}. */
  public static final String MAX_MANIFEST_BYTES = "quargo.repo-server.render.max-manifest-bytes";

  /** Config key of {@link #maxFiles()}. */
  public static final String MAX_FILES = "quargo.repo-server.render.max-files";

  /** Config key of {@link #maxTime()}. */
  public static final String MAX_TIME = "quargo.repo-server.render.max-time";

  /** The defaults of the config keys: 64 MiB, 10,000 files, 90 s (Argo CD's exec time-out). */
  public static RenderLimits defaults() {
    return new RenderLimits(64L * 1024 * 1024, 10_000, Duration.ofSeconds(90));
  }

  /** Fails when {@code files} read by the render of {@code appPath} pass the limit. */
  public void checkFiles(String appPath, long files) {
    if (files > maxFiles) {
      throw new RenderLimitException(
          MAX_FILES,
          appPath,
          maxFiles,
          "reads more than "
              + maxFiles
              + " files (at least "
              + files
              + "); split the app or raise "
              + MAX_FILES);
    }
  }

  /** Fails when {@code bytes} of manifests rendered for {@code appPath} pass the limit. */
  public void checkBytes(String appPath, long bytes) {
    if (bytes > maxManifestBytes) {
      throw new RenderLimitException(
          MAX_MANIFEST_BYTES,
          appPath,
          maxManifestBytes,
          "renders more than "
              + maxManifestBytes
              + " bytes of manifests (at least "
              + bytes
              + "); split the app or raise "
              + MAX_MANIFEST_BYTES);
    }
  }

  /** The failure of a render of {@code appPath} that ran out of time. */
  public RenderLimitException timedOut(String appPath) {
    return new RenderLimitException(
        MAX_TIME,
        appPath,
        maxTime.toString(),
        "did not finish rendering within "
            + maxTime.toMillis()
            + " ms and was stopped; look for a template loop or a hanging tool, or raise "
            + MAX_TIME);
  }
}
