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
 */
public record RepoRevisionChanged(
    String repoUrl,
    String ref,
    String oldSha,
    String newSha,
    List<String> changedPaths,
    Instant detectedAt)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.repo.revision-changed.v1";

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return repoUrl;
  }
}
