/**
 * Change detection: which repositories are watched, when their refs move, and what changed.
 *
 * <p>A repository becomes watched when an app's manifests are rendered from it ({@code POST
 * /api/v1/manifests}); its branch and tag SHAs at that moment are the baseline. {@link
 * io.quargo.reposerver.watch.RepoPoller} checks every watched repository each {@code
 * quargo.repo-server.poll-interval} (3 minutes), and a Git webhook at {@code POST /api/webhook}
 * (GitHub, GitLab, Gitea/Gogs, Bitbucket Cloud and Server, read by {@link
 * io.quargo.reposerver.watch.GitWebhooks}) checks the repository it names at once. A check that
 * sees a ref move fetches, diffs the two commits' trees ({@link
 * io.quargo.reposerver.watch.ChangedPaths}), forgets remembered resolutions and publishes:
 *
 * <pre>
 * quargo.repo.revisions  key: git://host/apps.git   ce_type: io.quargo.repo.revision-changed.v1
 * {"repoUrl": "git://host/apps.git", "ref": "refs/heads/main", "oldSha": "4f1c…", "newSha": "9a0e…",
 *  "changedPaths": ["guestbook/deploy.yaml"], "detectedAt": "2026-11-26T10:00:00Z"}
 * </pre>
 *
 * A webhook for a repository nobody watches is answered 200 and does nothing, as in Argo CD.
 */
package io.quargo.reposerver.watch;
