/**
 * A real Git server for the devstack and tests: {@link io.quargo.devstack.git.GitDaemon} runs
 * {@code git daemon} (clone, fetch and push over {@code git://127.0.0.1:port/<name>.git}), {@link
 * io.quargo.devstack.git.GitRepos} creates bare repositories and commits, deletes and tags in them
 * with JGit, and {@link io.quargo.devstack.git.DemoRepository} publishes the guestbook demo.
 *
 * <pre>{@code
 * try (GitDaemon daemon = GitDaemon.start(dir, 0, null)) {
 *   GitRepos repos = new GitRepos(daemon.baseDir());
 *   repos.create("apps");
 *   String sha = repos.commit("apps", "main", Map.of("guestbook/svc.yaml", yaml), "add guestbook");
 *   String url = daemon.url("apps"); // git://127.0.0.1:<port>/apps.git
 * }
 * }</pre>
 */
package io.quargo.devstack.git;
