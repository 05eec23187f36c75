package io.quargo.common.events;

import java.time.Instant;
import java.util.List;

/**
 * A watched repository's ref moved (found by polling or by a Git webhook), on {@link
 * Topics#REPO_REVISIONS}; keyed by the repository URL.
 *
 * @param repoUrl the repository URL as Applications spell it ({@code spec.source.repoURL})
 * @param ref the ref that moved ({@code refs/heads/main}, {@code refs/tags/v1.2.0})
 * @param oldSha the commit before, null when the ref is new
 * @param newSha the commit now
 * @param changedPaths paths changed between the two commits, empty when unknown
 * @param detectedAt when Quargo saw the change
 * @param affectedAppPaths app paths of this repository whose rendered manifests read a changed file
 *     (a Kustomize base or component, a Helm value file), from the dependencies repo-server
 *     recorded when it rendered them; null when repo-server knows none (an older repo-server, or
 *     none of the repository's apps rendered since it started)
 */
public record RepoRevisionChanged(
    String repoUrl,
    String ref,
    String oldSha,
    String newSha,
    List<String> changedPaths,
    Instant detectedAt,
    List<String> affectedAppPaths)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.repo.revision-changed.v1";

  /** A move without dependency information (as published before {@code affectedAppPaths}). */
  public RepoRevisionChanged(
      String repoUrl,
      String ref,
      String oldSha,
      String newSha,
      List<String> changedPaths,
      Instant detectedAt) {
    this(repoUrl, ref, oldSha, newSha, changedPaths, detectedAt, null);
  }

  /**
   * Whether this move concerns the app at {@code appPath} (its source path; null or "." is the
   * whole repository): a changed path lies under it, or repo-server found it among the apps that
   * read a changed file. Unknown changed paths (an empty list) concern every app.
   */
  public boolean concerns(String appPath) {
    if (changedPaths == null || changedPaths.isEmpty()) {
      return true;
    }
    String dir = normalizePath(appPath);
    if (dir.isEmpty()) {
      return true;
    }
    if (changedPaths.stream().anyMatch(p -> p.equals(dir) || p.startsWith(dir + "/"))) {
      return true;
    }
    return affectedAppPaths != null
        && affectedAppPaths.stream().anyMatch(a -> normalizePath(a).equals(dir));
  }

  /** {@code path} without a leading {@code ./} or trailing slashes; "" for the repository root. */
  public static String normalizePath(String path) {
    String p = path == null ? "" : path.trim();
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    p = p.replaceAll("/+$", "");
    return p.equals(".") ? "" : p;
  }

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return repoUrl;
  }
}
