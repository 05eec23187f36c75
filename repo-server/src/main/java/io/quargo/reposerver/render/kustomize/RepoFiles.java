package io.quargo.reposerver.render.kustomize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files a kustomization names, refusing any path that leaves the repository: {@code ..}
 * escapes, absolute paths and symlinks whose target is outside the checkout.
 */
final class RepoFiles {

  private final Path root;
  private final java.util.Set<String> read = new java.util.LinkedHashSet<>();

  RepoFiles(Path repoRoot) {
    try {
      this.root = repoRoot.toRealPath();
    } catch (IOException e) {
      throw new KustomizeException(repoRoot.toString(), "repository root does not exist", e);
    }
  }

  Path root() {
    return root;
  }

  /** {@code ref} (from {@code field} of {@code file}) resolved against {@code dir}, inside root. */
  Path resolve(Path dir, String ref, String file, String field) {
    Path candidate;
    try {
      candidate = Path.of(ref);
    } catch (RuntimeException e) {
      throw new KustomizeException(file, field + " \"" + ref + "\" is not a valid path");
    }
    if (candidate.isAbsolute()) {
      throw new KustomizeException(
          file,
          field + " \"" + ref + "\" is an absolute path; use a path relative to the kustomization");
    }
    Path resolved = dir.resolve(candidate).normalize();
    if (!resolved.startsWith(root)) {
      throw escape(file, field, ref);
    }
    if (Files.exists(resolved)) {
      try {
        if (!resolved.toRealPath().startsWith(root)) {
          throw new KustomizeException(
              file,
              field
                  + " \""
                  + ref
                  + "\" is a symlink that leaves the repository; link only inside the repository");
        }
      } catch (IOException e) {
        throw new KustomizeException(file, field + " \"" + ref + "\" cannot be read: " + e);
      }
    }
    return resolved;
  }

  /** Checks that {@code dir} (for example the app path) lies inside the repository. */
  Path checkInside(Path dir, String what) {
    Path abs = dir.isAbsolute() ? dir.normalize() : root.resolve(dir).normalize();
    try {
      Path real = abs.toRealPath();
      if (!real.startsWith(root)) {
        throw escape(what, "path", dir.toString());
      }
      return real;
    } catch (IOException e) {
      if (!abs.startsWith(root)) {
        throw escape(what, "path", dir.toString());
      }
      throw new KustomizeException(relative(abs), "kustomization directory does not exist");
    }
  }

  String read(Path path, String file, String field) {
    return new String(readBytes(path, file, field), StandardCharsets.UTF_8);
  }

  byte[] readBytes(Path path, String file, String field) {
    if (!Files.isRegularFile(path)) {
      throw new KustomizeException(
          file, field + " \"" + relative(path) + "\" does not exist or is not a file");
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      read.add(relative(path));
      return bytes;
    } catch (IOException e) {
      throw new KustomizeException(file, "cannot read " + relative(path) + ": " + e.getMessage());
    }
  }

  /** Every file read so far, relative to the root, in reading order. */
  java.util.List<String> filesRead() {
    return java.util.List.copyOf(read);
  }

  /** The path relative to the repository root, for messages and origins. */
  String relative(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
  }

  private static KustomizeException escape(String file, String field, String ref) {
    return new KustomizeException(
        file,
        field
            + " \""
            + ref
            + "\" leaves the repository; kustomizations may only use files inside the repository");
  }
}
