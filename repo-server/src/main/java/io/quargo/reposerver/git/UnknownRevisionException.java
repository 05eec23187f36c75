package io.quargo.reposerver.git;

import io.quargo.reposerver.RepoServerException;
import java.util.Map;

/** A targetRevision that names no branch, tag, commit or matching semver tag (404). */
public class UnknownRevisionException extends RepoServerException {

  public UnknownRevisionException(String repoUrl, String revision) {
    super(
        404,
        "unknown-revision",
        "Unknown revision",
        "targetRevision \""
            + revision
            + "\" is not a branch, tag, commit SHA or semver range matching a tag of "
            + repoUrl
            + "; check the name, or push it first",
        Map.of("repoURL", repoUrl, "targetRevision", revision));
  }
}
