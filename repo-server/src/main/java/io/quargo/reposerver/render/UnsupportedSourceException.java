package io.quargo.reposerver.render;

import io.quargo.reposerver.RepoServerException;
import java.util.Map;

/** A source this repo-server cannot render yet (501), named with its path. */
public class UnsupportedSourceException extends RepoServerException {

  public UnsupportedSourceException(String path, String what) {
    super(
        501,
        "unsupported-source",
        "Source type not available",
        what + " (path \"" + path + "\")",
        Map.of("path", path));
  }
}
