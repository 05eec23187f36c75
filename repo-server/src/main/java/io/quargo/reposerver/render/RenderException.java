package io.quargo.reposerver.render;

import io.quargo.reposerver.RepoServerException;
import java.util.Map;

/** Rendering failed: the tool's message and the file it concerns (422). */
public class RenderException extends RepoServerException {

  public RenderException(String file, String message) {
    this(file, message, null);
  }

  public RenderException(String file, String message, Throwable cause) {
    super(
        422,
        "render-failed",
        "Rendering failed",
        file + ": " + message,
        file == null ? Map.of() : Map.of("file", file),
        cause);
  }
}
