package io.quargo.reposerver.git;

import io.quargo.reposerver.RepoServerException;
import java.util.Map;

/** A path from a request or a repository that would leave the repository checkout (400). */
public class PathEscapeException extends RepoServerException {

  public PathEscapeException(String field, String path, String why) {
    super(
        400,
        "path-outside-repository",
        "Path outside the repository",
        field + " \"" + path + "\" " + why + "; use a path inside the repository",
        Map.of("field", field, "path", path));
  }
}
