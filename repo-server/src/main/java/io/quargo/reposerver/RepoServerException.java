package io.quargo.reposerver;

import io.quargo.common.problem.Problem;
import io.quargo.common.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * A failure a client can act on: common's RFC 7807 problem (type {@code urn:quargo:problem:<slug>},
 * a title, a detail that names the input) plus repo-server's extra members (path, file, repoURL),
 * which {@code rest.ProblemMapper} adds to the body.
 */
public class RepoServerException extends ProblemException {

  private final Map<String, Object> extensions;

  public RepoServerException(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    this(status, type, title, detail, extensions, null);
  }

  public RepoServerException(
      int status,
      String type,
      String title,
      String detail,
      Map<String, Object> extensions,
      Throwable cause) {
    super(problem(status, type, title, detail, extensions));
    if (cause != null) {
      initCause(cause);
    }
    this.extensions = Map.copyOf(extensions);
  }

  /** The HTTP status for this failure. */
  public int status() {
    return problem().status();
  }

  /** Extra problem members, such as {@code path} or {@code file}. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  private static Problem problem(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    Object field = extensions.get("field");
    List<Problem.FieldError> errors =
        field == null ? List.of() : List.of(new Problem.FieldError(field.toString(), detail));
    return new Problem("urn:quargo:problem:" + type, title, status, detail, null, errors);
  }
}
