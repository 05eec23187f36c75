package io.quargo.reposerver.config;

import io.quargo.reposerver.cache.DiskRenderStore;
import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.KustomizeRenderer;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.render.RenderLimits;
import io.quargo.reposerver.render.helmrepo.HelmRepoCharts;
import io.quargo.reposerver.render.kustomize.ExternalKustomize;
import io.quargo.reposerver.watch.AppDependencies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.List;

/** Builds the render cache and the manifest service from {@link RepoServerConfig}. */
@ApplicationScoped
public class RenderBeans {

  @Produces
  @ApplicationScoped
  RenderCache renderCache(RepoServerConfig config) {
    DiskRenderStore disk =
        config
            .renderCacheDir()
            .filter(d -> !d.isBlank())
            .map(d -> new DiskRenderStore(Path.of(d.trim())))
            .orElse(null);
    return new RenderCache(config.renderCacheSize(), disk);
  }

  @Produces
  @ApplicationScoped
  ManifestService manifestService(
      GitRevisions revisions,
      CommitTrees trees,
      RepoCredentials credentials,
      RenderCache cache,
      AppDependencies dependencies,
      RepoServerConfig config) {
    return new ManifestService(
        revisions,
        trees,
        credentials,
        cache,
        new KustomizeRenderer(external(config.kustomize())),
        HelmRepoCharts.create(
            credentials,
            GitBeans.cacheDir(config).resolve("helm-charts"),
            config.revisionCacheTtl()),
        limits(config.render()),
        dependencies);
  }

  @Produces
  @ApplicationScoped
  AppDependencies appDependencies(RenderCache cache) {
    AppDependencies dependencies = new AppDependencies();
    // what renders kept on disk read, so that a restart does not forget which apps a base feeds
    cache
        .disk()
        .ifPresent(
            disk ->
                disk.forEachDependencies(
                    d ->
                        dependencies.recordStored(
                            d.key().repoUrl(), d.key().path(), d.key().parameters(), d.paths())));
    return dependencies;
  }

  static RenderLimits limits(RepoServerConfig.Render render) {
    return new RenderLimits(render.maxManifestBytes(), render.maxFiles(), render.maxTime());
  }

  /** The configured external kustomize, or null: {@code kubectl} gets {@code kustomize} as verb. */
  static ExternalKustomize external(RepoServerConfig.Kustomize config) {
    return config
        .binary()
        .filter(b -> !b.isBlank())
        .map(
            b -> {
              Path binary = Path.of(b.trim());
              String name = binary.getFileName().toString();
              String verb = name.startsWith("kubectl") ? "kustomize" : "build";
              return new ExternalKustomize(List.of(binary.toString(), verb), config.timeout());
            })
        .orElse(null);
  }
}
