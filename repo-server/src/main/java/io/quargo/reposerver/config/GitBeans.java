package io.quargo.reposerver.config;

import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Builds the Git beans from {@link RepoServerConfig}. */
@ApplicationScoped
public class GitBeans {

  @Produces
  @ApplicationScoped
  GitRepoCache gitRepoCache(RepoServerConfig config) {
    return new GitRepoCache(cacheDir(config), config.gitTimeout());
  }

  void close(@Disposes GitRepoCache cache) {
    cache.close();
  }

  @Produces
  @ApplicationScoped
  GitRevisions gitRevisions(GitRepoCache cache, RepoServerConfig config) {
    return new GitRevisions(cache, config.revisionCacheTtl());
  }

  @Produces
  @ApplicationScoped
  CommitTrees commitTrees(RepoServerConfig config) {
    return new CommitTrees(cacheDir(config), config.commitTreesPerRepository());
  }

  @Produces
  @ApplicationScoped
  RepoCredentials repoCredentials(RepoServerConfig config) {
    RepoCredentials credentials = new RepoCredentials();
    config
        .credentials()
        .values()
        .forEach(
            c ->
                credentials.put(
                    c.urlPrefix(),
                    new GitCredentials(
                        c.username().orElse(null),
                        c.password().orElse(null),
                        c.sshPrivateKey().orElse(null),
                        c.knownHosts().orElse(null))));
    return credentials;
  }

  static Path cacheDir(RepoServerConfig config) {
    return Path.of(
        config.cacheDir().orElse(System.getProperty("java.io.tmpdir") + "/quargo-repo-server"));
  }
}
