package io.quargo.reposerver.git;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials by repository URL: those app-controller sent for exactly that repository (Argo's
 * registered repositories) first, else the longest configured prefix that matches; a URL without
 * either is read anonymously.
 */
public final class RepoCredentials {

  private final Map<String, GitCredentials> byPrefix = new ConcurrentHashMap<>();
  private final Map<String, GitCredentials> byRepo = new ConcurrentHashMap<>();

  /**
   * Remembers the registered credentials of repository {@code url} (sent with a manifest or refs
   * request), so polling and later requests use them too; {@code NONE} forgets them.
   */
  public void remember(String url, GitCredentials credentials) {
    String key = normalize(url);
    if (credentials == null || credentials.equals(GitCredentials.NONE)) {
      byRepo.remove(key);
    } else {
      byRepo.put(key, credentials);
    }
  }

  /** Registers {@code credentials} for every repository whose URL starts with {@code urlPrefix}. */
  public void put(String urlPrefix, GitCredentials credentials) {
    byPrefix.put(urlPrefix, credentials);
  }

  /** Removes the credentials registered for {@code urlPrefix}. */
  public void remove(String urlPrefix) {
    byPrefix.remove(urlPrefix);
  }

  /** The credentials for {@code url}, or {@link GitCredentials#NONE}. */
  public GitCredentials forUrl(String url) {
    GitCredentials registered = byRepo.get(normalize(url));
    if (registered != null) {
      return registered;
    }
    String best = null;
    for (String prefix : byPrefix.keySet()) {
      if (url.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? GitCredentials.NONE : byPrefix.get(best);
  }

  /** The URL as the same repository is written either way: no trailing slash or {@code .git}. */
  static String normalize(String url) {
    String u = url.trim();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }
}
