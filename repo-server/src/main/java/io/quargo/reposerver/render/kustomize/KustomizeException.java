package io.quargo.reposerver.render.kustomize;

/** A kustomization cannot be built; the message names the file and what to change. */
public class KustomizeException extends RuntimeException {

  private final String file;

  public KustomizeException(String file, String message) {
    this(file, message, null);
  }

  public KustomizeException(String file, String message, Throwable cause) {
    super(file == null ? message : file + ": " + message, cause);
    this.file = file;
  }

  /** The file (relative to the repository root) the error concerns, or null. */
  public String file() {
    return file;
  }
}
