package io.quargo.reposerver.render;

import java.nio.file.Path;

/**
 * One render: the commit's file tree, the app's directory inside it, the request, and Argo CD's
 * build environment for this app and commit.
 */
public record RenderContext(
    Path repoRoot, Path appDir, String appPath, ManifestSource source, BuildEnvironment env) {

  /** {@code file} relative to the repository root, with {@code /} separators, for origins. */
  public String repoRelative(Path file) {
    return repoRoot.relativize(file).toString().replace('\\', '/');
  }
}
