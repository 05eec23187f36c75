package io.quargo.reposerver.git;

import org.eclipse.jgit.lib.Repository;

/** A targetRevision resolved to a commit that the local clone holds. */
public record ResolvedRevision(
    String repoUrl, String targetRevision, String sha, Repository repo) {}
