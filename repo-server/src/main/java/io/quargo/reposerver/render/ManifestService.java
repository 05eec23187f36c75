package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.reposerver.RepoServerException;
import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.cache.RenderKey;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.git.RepoPaths;
import io.quargo.reposerver.git.ResolvedRevision;
import io.quargo.reposerver.render.helmrepo.ChartVersion;
import io.quargo.reposerver.render.helmrepo.HelmRepoCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Source in, manifests out: resolves the revision, looks in the render cache, and on a miss writes
 * the commit's tree and renders the app path with the renderer its files call for.
 */
public class ManifestService {

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final GitRevisions revisions;
  private final CommitTrees trees;
  private final RepoCredentials credentials;
  private final RenderCache cache;
  private final DirectoryRenderer directory = new DirectoryRenderer();
  private final HelmRenderer helm = new HelmRenderer();
  private final KustomizeRenderer kustomize;
  private final HelmRepoCharts charts;
  private final String rendererVersion;
  private final AtomicLong renders = new AtomicLong();

  /** A service with the Java Kustomize engine only. */
  public ManifestService(
      GitRevisions revisions, CommitTrees trees, RepoCredentials credentials, RenderCache cache) {
    this(revisions, trees, credentials, cache, new KustomizeRenderer());
  }

  public ManifestService(
      GitRevisions revisions,
      CommitTrees trees,
      RepoCredentials credentials,
      RenderCache cache,
      KustomizeRenderer kustomize) {
    this(
        revisions,
        trees,
        credentials,
        cache,
        kustomize,
        HelmRepoCharts.create(
            credentials, Path.of(System.getProperty("java.io.tmpdir"), "quargo-helm-charts")));
  }

  /** With {@code charts} for sources that name a chart in a Helm repository. */
  public ManifestService(
      GitRevisions revisions,
      CommitTrees trees,
      RepoCredentials credentials,
      RenderCache cache,
      KustomizeRenderer kustomize,
      HelmRepoCharts charts) {
    this.charts = charts;
    this.revisions = revisions;
    this.trees = trees;
    this.credentials = credentials;
    this.cache = cache;
    this.kustomize = kustomize;
    this.rendererVersion =
        DirectoryRenderer.VERSION + "+" + HelmRenderer.VERSION + "+" + kustomize.version();
  }

  /** All renderers' versions (and the external kustomize, if any); part of every cache key. */
  public String rendererVersion() {
    return rendererVersion;
  }

  /** Renders {@code source}, from the cache when the same commit and parameters were rendered. */
  public ManifestResult render(ManifestSource source) {
    String url = required(source.repoURL(), "repoURL");
    if (source.chart() != null && !source.chart().isBlank()) {
      return renderChart(url, source);
    }
    String path = source.path() == null || source.path().isBlank() ? "." : source.path();
    RepoPaths.requireRelativeInside("path", path);
    ResolvedRevision revision =
        revisions.resolve(url, credentials.forUrl(url), source.targetRevision());
    RenderKey key = new RenderKey(url, revision.sha(), path, parameters(source), rendererVersion);
    RenderedManifests rendered = cache.get(key, () -> renderUncached(source, path, revision));
    return new ManifestResult(
        rendered.manifests().stream().map(ObjectNode::deepCopy).toList(),
        revision.sha(),
        rendered.sourceType(),
        rendered.origins());
  }

  /** A chart from a Helm repository: the version selected, cached by repository, chart, version. */
  private ManifestResult renderChart(String url, ManifestSource source) {
    ChartVersion version = charts.resolve(url, source.chart(), source.targetRevision());
    RenderKey key =
        new RenderKey(
            url, version.version(), "chart:" + version.name(), parameters(source), rendererVersion);
    RenderedManifests rendered =
        cache.get(
            key,
            () -> {
              renders.incrementAndGet();
              return helm.renderChart(charts.chartDir(url, version), source, version.version());
            });
    return new ManifestResult(
        rendered.manifests().stream().map(ObjectNode::deepCopy).toList(),
        version.version(),
        rendered.sourceType(),
        rendered.origins());
  }

  /** The apps at {@code revision} of {@code url}. */
  public AppListing apps(String url, String revision) {
    ResolvedRevision resolved = revisions.resolve(url, credentials.forUrl(url), revision);
    return new AppListing(resolved.sha(), trees.withTree(resolved, AppDiscovery::find));
  }

  /** How many renders ran (cache misses) since start. */
  public long renderCount() {
    return renders.get();
  }

  /** The credentials used for {@code url}. */
  public GitCredentials credentialsFor(String url) {
    return credentials.forUrl(url);
  }

  private RenderedManifests renderUncached(
      ManifestSource source, String path, ResolvedRevision revision) {
    renders.incrementAndGet();
    return trees.withTree(revision, root -> renderTree(root, source, path, revision));
  }

  private RenderedManifests renderTree(
      Path root, ManifestSource source, String path, ResolvedRevision revision) {
    Path appDir = RepoPaths.resolve(root, root, "path", path);
    if (!Files.isDirectory(appDir)) {
      throw new RepoServerException(
          404,
          "path-not-found",
          "App path not found",
          "path \""
              + path
              + "\" is not a directory at revision "
              + revision.sha()
              + " of "
              + source.repoURL()
              + "; check the path and the targetRevision",
          Map.of("path", path));
    }
    RenderContext context =
        new RenderContext(root, appDir, path, source, BuildEnvironment.of(source, revision.sha()));
    return switch (SourceTypes.of(source, appDir)) {
      case Directory -> directory.render(context);
      case Helm -> helm.render(context);
      case Kustomize -> kustomize.render(context);
    };
  }

  private static String parameters(ManifestSource source) {
    try {
      return CANONICAL.writeValueAsString(source);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the source parameters as JSON", e);
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new RepoServerException(
          400,
          "invalid-request",
          "Invalid request",
          field + " is required",
          Map.of("field", field));
    }
    return value.trim();
  }
}
