package io.quargo.reposerver.git;

import io.quargo.reposerver.RepoServerException;
import java.util.Locale;

/** Turns JGit failures into problems a client can act on, without leaking credentials. */
public final class GitErrors {

  private GitErrors() {}

  /** Removes user information ({@code user:password@}) from a URL or a message containing one. */
  public static String redact(String text) {
    return text == null ? "" : text.replaceAll("(?i)([a-z+]+://)[^/@\\s]+@", "$1");
  }

  static RepoServerException translate(String url, Exception e) {
    if (e.getCause() instanceof RepoServerException problem) {
      return problem;
    }
    String safeUrl = redact(url);
    String message = redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("not authorized")
        || lower.contains("authentication is required")
        || lower.contains("401")
        || lower.contains("authentication failed")
        || lower.contains("no more authentication methods")
        || lower.contains("cannot log in")) {
      return GitAccessException.unauthorized(safeUrl, message);
    }
    if (lower.contains("not permitted") || lower.contains("403") || lower.contains("forbidden")) {
      return GitAccessException.forbidden(safeUrl, message);
    }
    return GitAccessException.unavailable(safeUrl, message);
  }
}
