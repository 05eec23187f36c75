package io.quargo.reposerver.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.render.ManifestService;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes repo-server's counters on {@code /q/metrics}: Git fetches and ls-remotes, commit trees
 * written, renders, render cache hits (in memory and on disk).
 */
@Startup
@ApplicationScoped
public class RepoServerMetrics {

  RepoServerMetrics(
      MeterRegistry registry,
      GitRepoCache git,
      CommitTrees trees,
      ManifestService manifests,
      RenderCache cache) {
    FunctionCounter.builder("quargo.repo.git.fetches", git, GitRepoCache::fetchCount)
        .description("Git fetches run")
        .register(registry);
    FunctionCounter.builder("quargo.repo.git.ls.remotes", git, GitRepoCache::lsRemoteCount)
        .description("Git ls-remote calls run")
        .register(registry);
    FunctionCounter.builder("quargo.repo.trees.written", trees, CommitTrees::writtenCount)
        .description("commit file trees written")
        .register(registry);
    FunctionCounter.builder("quargo.repo.renders", manifests, ManifestService::renderCount)
        .description("renders run (render cache misses)")
        .register(registry);
    FunctionCounter.builder("quargo.repo.render.cache.hits", cache, RenderCache::hitCount)
        .description("render cache hits")
        .register(registry);
    FunctionCounter.builder("quargo.repo.render.cache.disk.hits", cache, RenderCache::diskHitCount)
        .description("renders answered from the disk render cache (render-cache-dir)")
        .register(registry);
  }
}
