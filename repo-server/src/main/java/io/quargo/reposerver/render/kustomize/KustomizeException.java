package io.quargo.reposerver.render.kustomize;

/** A kustomization cannot be built; the message names the file and what to change. */
public class KustomizeException extends RuntimeException {

  private final String file;
  private final String reason;

  public KustomizeException(String file, String message) {
    this(file, message, null);
  }

  public KustomizeException(String file, String message, Throwable cause) {
    super(file == null ? message : file + ": " + message, cause);
    this.file = file;
    this.reason = message;
  }

  /** The message without the file name in front (for callers that show the file apart). */
  public String reason() {
    return reason;
  }

  /** The file (relative to the repository root) the error concerns, or null. */
  public String file() {
    return file;
  }
}
