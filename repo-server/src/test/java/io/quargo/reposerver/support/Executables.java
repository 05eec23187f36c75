package io.quargo.reposerver.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real tools our renderers are compared with (kubectl, helm), as .ci/run installs them.
 */
public final class Executables {
  private Executables() {}

  /** The executable named by env {@code variable}, else {@code name} on PATH; null when neither. */
  public static Path find(String name, String variable) {
    String configured = System.getenv(variable);
    if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
      return Path.of(configured);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String entry : path.split(File.pathSeparator)) {
      Path candidate = Path.of(entry, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
