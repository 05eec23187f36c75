package io.quargo.reposerver.config;

import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.ManifestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the render cache and the manifest service from {@link RepoServerConfig}. */
@ApplicationScoped
public class RenderBeans {

  @Produces
  @ApplicationScoped
  RenderCache renderCache(RepoServerConfig config) {
    return new RenderCache(config.renderCacheSize());
  }

  @Produces
  @ApplicationScoped
  ManifestService manifestService(
      GitRevisions revisions, CommitTrees trees, RepoCredentials credentials, RenderCache cache) {
    return new ManifestService(revisions, trees, credentials, cache);
  }
}
