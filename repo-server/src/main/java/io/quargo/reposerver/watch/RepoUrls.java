package io.quargo.reposerver.watch;

import java.util.Locale;

/**
 * Compares repository URLs as Argo CD's webhook handler does: scheme, user, letter case, a trailing
 * {@code /} or {@code .git} do not matter, and {@code git@host:org/repo} equals {@code
 * ssh://git@host/org/repo}.
 */
public final class RepoUrls {

  private RepoUrls() {}

  /** {@code host[:port]/path} in lower case, without scheme, user, {@code .git} or trailing /. */
  public static String normalize(String url) {
    if (url == null) {
      return "";
    }
    String u = url.trim().toLowerCase(Locale.ROOT);
    int scheme = u.indexOf("://");
    if (scheme >= 0) {
      u = u.substring(scheme + 3);
    } else if (u.matches("^[^/]+@[^/:]+:.*")) {
      // scp-like ssh: git@github.com:org/repo.git
      int colon = u.indexOf(':');
      u = u.substring(0, colon) + "/" + u.substring(colon + 1);
    }
    int slash = u.indexOf('/');
    int at = u.lastIndexOf('@', slash < 0 ? u.length() : slash);
    if (at >= 0) {
      u = u.substring(at + 1);
    }
    u = u.replaceAll("/+$", "");
    if (u.endsWith(".git")) {
      u = u.substring(0, u.length() - 4);
    }
    return u.replaceAll("/+$", "");
  }

  /** Whether the two URLs name the same repository. */
  public static boolean same(String a, String b) {
    return normalize(a).equals(normalize(b));
  }
}
