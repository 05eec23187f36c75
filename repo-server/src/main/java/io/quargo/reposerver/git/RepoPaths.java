package io.quargo.reposerver.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves paths from requests and repositories inside a checkout, refusing absolute paths, {@code
 * ..} that climbs out, and symlinks whose target lies outside (Argo CD CVE-2022-24348 and its
 * symlink CVEs).
 */
public final class RepoPaths {

  private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

  private RepoPaths() {}

  /**
   * Resolves {@code relative} (from field {@code field}) against {@code base}, which lies in {@code
   * root}; the result exists or not, but never leaves {@code root}.
   */
  public static Path resolve(Path root, Path base, String field, String relative) {
    Path resolved = resolveLexically(root, base, field, relative);
    requireInsideAfterLinks(root, resolved, field, relative);
    return resolved;
  }

  /**
   * Checks {@code relative} (from field {@code field}) without touching the file system: not
   * absolute, and no {@code ..} that climbs above the repository root.
   */
  public static void requireRelativeInside(String field, String relative) {
    Path root = Path.of("/").resolve("repository-root");
    resolveLexically(root, root, field, relative);
  }

  private static Path resolveLexically(Path root, Path base, String field, String relative) {
    String p = relative == null ? "" : relative.trim();
    if (p.startsWith("/") || p.startsWith("\\") || WINDOWS_ABSOLUTE.matcher(p).matches()) {
      throw new PathEscapeException(field, relative, "is absolute");
    }
    Path resolved = base.resolve(p).normalize();
    if (!resolved.startsWith(root.normalize())) {
      throw new PathEscapeException(field, relative, "leaves the repository");
    }
    return resolved;
  }

  /** Fails when {@code path}, after following symlinks, lies outside {@code root}. */
  public static void requireInsideAfterLinks(Path root, Path path, String field, String shown) {
    if (!Files.exists(path) && !Files.isSymbolicLink(path)) {
      return;
    }
    try {
      if (!Files.exists(path)) {
        throw new PathEscapeException(field, shown, "is a symlink to a missing or outside target");
      }
      Path real = path.toRealPath();
      if (!real.startsWith(root.toRealPath())) {
        throw new PathEscapeException(field, shown, "is or goes through a symlink that leaves it");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + field + " \"" + shown + "\"", e);
    }
  }
}
