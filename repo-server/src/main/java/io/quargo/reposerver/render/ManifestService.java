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
import io.quargo.reposerver.watch.AppDependencies;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Source in, manifests out: resolves the revision, looks in the render cache, and on a miss writes
 * the commit's tree and renders the app path with the renderer its files call for, within the
 * {@link RenderLimits}. Every render records the repository paths it read in {@link
 * AppDependencies}, so that a moved branch re-renders only the apps whose inputs changed.
 */
public class ManifestService {

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final GitRevisions revisions;
  private final CommitTrees trees;
  private final RepoCredentials credentials;
  private final RenderCache cache;
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Pattern FULL_SHA = Pattern.compile("^[0-9a-fA-F]{40}$");

  private final DirectoryRenderer directory;
  private final HelmRenderer helm = new HelmRenderer();
  private final KustomizeRenderer kustomize;
  private final HelmRepoCharts charts;
  private final RenderLimits limits;
  private final AppDependencies dependencies;
  private final String rendererVersion;
  private final AtomicLong renders = new AtomicLong();

  /**
   * Renders run here so that a render past {@link RenderLimits#maxTime()} can be left behind: the
   * thread is interrupted (an external kustomize is killed); an in-process Helm render cannot be
   * stopped and finishes in the background, its result dropped.
   */
  private final ExecutorService renderThreads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "quargo-render-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

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
    this(
        revisions,
        trees,
        credentials,
        cache,
        kustomize,
        charts,
        RenderLimits.defaults(),
        new AppDependencies());
  }

  /** With render {@code limits}, recording what each render read in {@code dependencies}. */
  public ManifestService(
      GitRevisions revisions,
      CommitTrees trees,
      RepoCredentials credentials,
      RenderCache cache,
      KustomizeRenderer kustomize,
      HelmRepoCharts charts,
      RenderLimits limits,
      AppDependencies dependencies) {
    this.charts = charts;
    this.limits = limits;
    this.dependencies = dependencies;
    this.directory = new DirectoryRenderer(limits);
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
    String parameters = parameters(source);
    String target = source.targetRevision() == null ? "" : source.targetRevision().trim();
    if (FULL_SHA.matcher(target).matches()) {
      // a commit never changes: a stored render answers without Git (after a restart too)
      String sha = target.toLowerCase(Locale.ROOT);
      Optional<RenderedManifests> stored =
          cache.peek(new RenderKey(url, sha, path, parameters, rendererVersion));
      if (stored.isPresent()) {
        dependencies.record(url, path, parameters, stored.get().dependencies());
        return result(stored.get(), sha);
      }
    }
    ResolvedRevision revision =
        revisions.resolve(url, credentials.forUrl(url), source.targetRevision());
    RenderKey key = new RenderKey(url, revision.sha(), path, parameters, rendererVersion);
    RenderedManifests rendered = cache.get(key, () -> renderWithinTime(source, path, revision));
    dependencies.record(url, path, parameters, rendered.dependencies());
    return result(rendered, revision.sha());
  }

  private static ManifestResult result(RenderedManifests rendered, String revision) {
    return new ManifestResult(
        rendered.manifests().stream().map(ObjectNode::deepCopy).toList(),
        revision,
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
            () ->
                withinLimits(
                    source.chart(),
                    () -> {
                      renders.incrementAndGet();
                      RenderedManifests chart =
                          helm.renderChart(
                              charts.chartDir(url, version), source, version.version());
                      limits.checkBytes(source.chart(), jsonBytes(chart));
                      return chart;
                    }));
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

  /** The dependencies recorded by this service's renders. */
  public AppDependencies dependencies() {
    return dependencies;
  }

  /** The limits every render runs within. */
  public RenderLimits limits() {
    return limits;
  }

  /** The credentials used for {@code url}. */
  public GitCredentials credentialsFor(String url) {
    return credentials.forUrl(url);
  }

  private RenderedManifests renderWithinTime(
      ManifestSource source, String path, ResolvedRevision revision) {
    return withinLimits(path, () -> renderUncached(source, path, revision));
  }

  /**
   * Runs {@code render} (of the app at {@code path}) on a render thread and gives up at the time
   * limit; nothing of it is cached then.
   */
  private RenderedManifests withinLimits(String path, Supplier<RenderedManifests> work) {
    Future<RenderedManifests> render = renderThreads.submit(work::get);
    try {
      return render.get(limits.maxTime().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      render.cancel(true);
      throw limits.timedOut(path);
    } catch (InterruptedException e) {
      render.cancel(true);
      Thread.currentThread().interrupt();
      throw limits.timedOut(path);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("render of " + path + " failed", e.getCause());
    }
  }

  private RenderedManifests renderUncached(
      ManifestSource source, String path, ResolvedRevision revision) {
    renders.incrementAndGet();
    RenderedManifests rendered =
        trees.withTree(revision, root -> renderTree(root, source, path, revision));
    limits.checkBytes(path, jsonBytes(rendered));
    return rendered;
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
      case Helm -> {
        // Helm loads every file of the chart folder
        limits.checkFiles(path, countFiles(appDir, limits.maxFiles()));
        yield helm.render(context).withDependencies(helmValueFiles(context));
      }
      case Kustomize -> {
        RenderedManifests out = kustomize.render(context);
        limits.checkFiles(path, out.dependencies().size());
        yield out;
      }
    };
  }

  /** The value files a Helm render read, relative to the repository root (the chart is the app). */
  private static List<String> helmValueFiles(RenderContext context) {
    List<String> files = new ArrayList<>();
    ManifestSource.Helm helm = context.source().helm();
    if (helm == null || helm.valueFiles() == null) {
      return files;
    }
    for (String valueFile : helm.valueFiles()) {
      String raw = context.env().substitute(valueFile);
      if (raw.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
        continue;
      }
      Path file =
          raw.startsWith("/")
              ? context.repoRoot().resolve(raw.replaceFirst("^/+", "")).normalize()
              : context.appDir().resolve(raw).normalize();
      if (file.startsWith(context.repoRoot())) {
        files.add(context.repoRelative(file));
      }
    }
    return files;
  }

  /** Regular files under {@code dir}, counting no further than one past {@code max}. */
  private static long countFiles(Path dir, long max) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).limit(max + 1).count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** The manifests' size as compact JSON, without building the text. */
  private static long jsonBytes(RenderedManifests rendered) {
    long[] count = {0};
    OutputStream counter =
        new OutputStream() {
          @Override
          public void write(int b) {
            count[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            count[0] += len;
          }
        };
    try {
      for (ObjectNode manifest : rendered.manifests()) {
        CANONICAL.writeValue(counter, manifest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
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
