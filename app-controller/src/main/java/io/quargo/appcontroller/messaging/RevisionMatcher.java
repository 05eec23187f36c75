package io.quargo.appcontroller.messaging;

import io.quargo.common.events.RepoRevisionChanged;
import java.util.List;

/**
 * Whether a moved Git ref concerns an app's source (its targetRevision names that branch or tag)
 * and whether the move touches the source: a changed path under its path, or its path among the
 * event's {@code affectedAppPaths} (repo-server's recorded dependencies: a Kustomize base or
 * component, a Helm value file outside the chart). Best effort: {@code HEAD} or an empty
 * targetRevision is taken to follow {@code main} or {@code master}; a SHA never moves.
 */
public final class RevisionMatcher {

  private RevisionMatcher() {}

  /** Whether an app tracking {@code targetRevision} follows {@code ref}. */
  public static boolean follows(String targetRevision, String ref) {
    if (ref == null) {
      return false;
    }
    String tr = targetRevision == null ? "" : targetRevision.trim();
    if (tr.isEmpty() || tr.equals("HEAD")) {
      return ref.equals("HEAD") || ref.equals("refs/heads/main") || ref.equals("refs/heads/master");
    }
    if (tr.matches("[0-9a-f]{40}")) {
      return false;
    }
    return ref.equals(tr) || ref.equals("refs/heads/" + tr) || ref.equals("refs/tags/" + tr);
  }

  /**
   * Whether {@code changedPaths} touch {@code path} (the source's directory; null or "." is the
   * whole repository); an empty list means unknown, so it does.
   */
  public static boolean touches(List<String> changedPaths, String path) {
    if (changedPaths == null || changedPaths.isEmpty()) {
      return true;
    }
    String dir = path == null ? "" : path.replaceAll("^\\./", "").replaceAll("/+$", "");
    if (dir.isEmpty() || dir.equals(".")) {
      return true;
    }
    return changedPaths.stream().anyMatch(p -> p.equals(dir) || p.startsWith(dir + "/"));
  }

  /**
   * Whether {@code event} touches the source at {@code path}: a changed path lies under it, or
   * repo-server listed it among the apps that read a changed file.
   */
  public static boolean touches(RepoRevisionChanged event, String path) {
    return event.concerns(path);
  }

  /** Spellings of one repository URL (with and without {@code .git} and a trailing slash). */
  public static List<String> variants(String repoUrl) {
    String base = repoUrl.replaceAll("/+$", "");
    String bare = base.endsWith(".git") ? base.substring(0, base.length() - 4) : base;
    return List.of(bare, bare + ".git", bare + "/", bare + ".git/");
  }
}
