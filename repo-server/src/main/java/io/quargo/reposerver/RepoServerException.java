package io.quargo.reposerver;

import java.util.Map;

/**
 * A failure a client can act on, carried to the REST layer as an RFC 7807 problem: HTTP status, a
 * stable type slug, a title, a detail that names the input, and extra members (path, file).
 */
public class RepoServerException extends RuntimeException {

  private final int status;
  private final String type;
  private final String title;
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
    super(detail, cause);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = Map.copyOf(extensions);
  }

  /** The HTTP status for this failure. */
  public int status() {
    return status;
  }

  /** A stable slug naming the kind of failure, e.g. {@code unknown-revision}. */
  public String type() {
    return type;
  }

  /** A short summary that does not change between occurrences. */
  public String title() {
    return title;
  }

  /** Extra problem members, such as {@code path} or {@code file}. */
  public Map<String, Object> extensions() {
    return extensions;
  }
}
