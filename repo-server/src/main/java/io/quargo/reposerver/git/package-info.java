/**
 * Git for repo-server: one bare clone per repository URL ({@link
 * io.quargo.reposerver.git.GitRepoCache}), revision resolution as Argo CD does it ({@link
 * io.quargo.reposerver.git.GitRevisions}), read-only file trees per commit ({@link
 * io.quargo.reposerver.git.CommitTrees}) and the path checks that keep every path inside them
 * ({@link io.quargo.reposerver.git.RepoPaths}).
 *
 * <p>A {@code targetRevision} is tried, in order, as:
 *
 * <pre>
 * HEAD (or blank)       the commit the server's HEAD points to
 * main, refs/heads/main a branch
 * v1.2.0                a tag (annotated tags are peeled to their commit)
 * 1.2.*, >=1.0 <2.0,    the newest tag whose version matches (a leading "v" is allowed;
 * ~1.2, ^1.2            pre-releases only match a range that names one)
 * f913b6c...            a full or short commit SHA (fetched when not yet local)
 * </pre>
 *
 * Concurrent requests for one repository share one network fetch; a resolved name is trusted for
 * {@code quargo.repo-server.revision-cache-ttl} (3 minutes, as Argo CD's revision cache) before the
 * server is asked again.
 */
package io.quargo.reposerver.git;
