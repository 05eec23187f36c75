package io.quargo.reposerver.git;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials by repository URL prefix; the longest prefix that matches a URL wins, and a URL
 * without a match is read anonymously.
 */
public final class RepoCredentials {

  private final Map<String, GitCredentials> byPrefix = new ConcurrentHashMap<>();

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
    String best = null;
    for (String prefix : byPrefix.keySet()) {
      if (url.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? GitCredentials.NONE : byPrefix.get(best);
  }
}
