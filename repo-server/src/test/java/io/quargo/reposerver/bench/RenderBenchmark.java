package io.quargo.reposerver.bench;

import io.quargo.common.events.RepoRevisionChanged;
import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.BuildEnvironment;
import io.quargo.reposerver.render.HelmRenderer;
import io.quargo.reposerver.render.KustomizeRenderer;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.render.RenderContext;
import io.quargo.reposerver.render.RenderLimits;
import io.quargo.reposerver.render.helmrepo.HelmRepoCharts;
import io.quargo.reposerver.render.kustomize.KustomizeEngine;
import io.quargo.reposerver.render.kustomize.KustomizeOverrides;
import io.quargo.reposerver.support.Executables;
import io.quargo.reposerver.support.TestRepo;
import io.quargo.reposerver.watch.AppDependencies;
import io.quargo.reposerver.watch.RevisionDetector;
import io.quargo.reposerver.watch.RevisionPublisher;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a test (nothing is asserted on time): our engines side by side with the real
 * tools on the same inputs, and dependency tracking on a 100-app repository. Run with {@code ./mvnw
 * -pl repo-server verify -Dquargo.bench=true -Dtest=RenderBenchmark}; kubectl and helm come from
 * {@code QUARGO_KUBECTL} / {@code QUARGO_HELM} or the PATH (a side is skipped without them). Prints
 * one line per measurement.
 */
@EnabledIfSystemProperty(named = "quargo.bench", matches = "true")
@ExtendWith(GitServerExtension.class)
class RenderBenchmark {

  static final int RUNS = Integer.getInteger("quargo.bench.runs", 20);

  @TempDir Path dir;

  @Test
  void kustomizeOverlayOurEngineWarmVersusKubectlKustomize() throws Exception {
    Path root = resource("/kustomize/realistic-overlay");
    Path overlay = root.resolve("overlay");
    KustomizeEngine engine = new KustomizeEngine();
    for (int i = 0; i < 50; i++) {
      engine.render(root, overlay, KustomizeOverrides.NONE);
    }
    double ours = median(() -> engine.render(root, overlay, KustomizeOverrides.NONE));
    report("kustomize overlay, Java engine (warm, in-process)", ours, null);
    Path kubectl = Executables.find("kubectl", "QUARGO_KUBECTL");
    if (kubectl != null) {
      run(kubectl.toString(), "kustomize", overlay.toString());
      double theirs = median(() -> run(kubectl.toString(), "kustomize", overlay.toString()));
      report("kustomize overlay, " + kubectl + " kustomize (process)", theirs, null);
      System.out.printf(Locale.ROOT, "BENCH ratio kubectl/ours: %.1fx%n", theirs / ours);
    }
  }

  @Test
  void helmChartHelmJavaVersusHelmTemplate() throws Exception {
    Path chart = resource("/helm/basic/chart");
    ManifestSource source =
        new ManifestSource(null, "main", "chart", null, null, null, "bench", "default");
    RenderContext context =
        new RenderContext(
            chart.getParent(), chart, "chart", source, BuildEnvironment.of(source, "0".repeat(40)));
    HelmRenderer helm = new HelmRenderer();
    for (int i = 0; i < 10; i++) {
      helm.render(context);
    }
    double ours = median(() -> helm.render(context));
    report("helm chart, helm-java (warm, in-process)", ours, null);
    Path binary = Executables.find("helm", "QUARGO_HELM");
    if (binary != null) {
      run(binary.toString(), "template", "bench", chart.toString());
      double theirs = median(() -> run(binary.toString(), "template", "bench", chart.toString()));
      report("helm chart, " + binary + " template (process)", theirs, null);
      System.out.printf(Locale.ROOT, "BENCH ratio helm/ours: %.1fx%n", theirs / ours);
    }
  }

  @Test
  void hundredAppsOneCommitTouchingThree(GitServer server) {
    int apps = 100;
    TestRepo repo = TestRepo.create(server, "bench-deps");
    for (int i = 0; i < apps; i++) {
      repo.write("bases/app" + i + "/kustomization.yaml", "resources: [deploy.yaml]\n")
          .write("bases/app" + i + "/deploy.yaml", deployment("app" + i, "nginx:1.27"))
          .write(
              "envs/app" + i + "/kustomization.yaml",
              "resources: [../../bases/app" + i + "]\nnamespace: app" + i + "\n");
    }
    repo.write("README.md", "100 apps\n").commitAndPush("100 apps");
    GitRepoCache git = new GitRepoCache(dir, Duration.ofSeconds(30));
    GitRevisions revisions = new GitRevisions(git, Duration.ZERO);
    AppDependencies dependencies = new AppDependencies();
    ManifestService service =
        new ManifestService(
            revisions,
            new CommitTrees(dir, 10),
            new RepoCredentials(),
            new RenderCache(10_000),
            new KustomizeRenderer(),
            HelmRepoCharts.create(new RepoCredentials(), dir.resolve("charts")),
            RenderLimits.defaults(),
            dependencies);
    List<RepoRevisionChanged> published = new ArrayList<>();
    RevisionDetector detector =
        new RevisionDetector(
            git,
            revisions,
            new RepoCredentials(),
            new RevisionPublisher(null) {
              @Override
              public void publish(RepoRevisionChanged event) {
                published.add(event);
              }
            },
            dependencies);
    long t0 = System.nanoTime();
    for (int i = 0; i < apps; i++) {
      service.render(source(repo, "envs/app" + i));
    }
    report("100 kustomize apps, first render (clone + tree + render)", ms(t0), null);
    detector.watch(repo.url());

    repo.write("bases/app3/deploy.yaml", deployment("app3", "nginx:1.28"))
        .write("bases/app42/deploy.yaml", deployment("app42", "nginx:1.28"))
        .write(
            "envs/app77/kustomization.yaml",
            "resources: [../../bases/app77]\nnamespace: app77-new\n")
        .write("README.md", "100 apps, documented\n")
        .commitAndPush("touch 3 apps and the README");
    long before = service.renderCount();
    t0 = System.nanoTime();
    RepoRevisionChanged event = detector.check(repo.url()).get(0);
    List<String> rerendered = new ArrayList<>();
    for (int i = 0; i < apps; i++) {
      String path = "envs/app" + i;
      if (event.concerns(path)) { // what app-controller's RevisionMatcher decides
        service.render(source(repo, path));
        rerendered.add(path);
      }
    }
    double tracked = ms(t0);
    long renders = service.renderCount() - before;
    report(
        "after the commit: detect + re-render affected apps (dependency tracking)",
        tracked,
        renders + " re-rendered " + rerendered + ", affectedAppPaths " + event.affectedAppPaths());
    t0 = System.nanoTime();
    for (int i = 0; i < apps; i++) {
      String path = "envs/app" + i;
      if (!rerendered.contains(path)) {
        service.render(source(repo, path));
      }
    }
    double rest = ms(t0);
    report(
        "without tracking, the other " + (apps - rerendered.size()) + " apps would re-render too",
        rest,
        (service.renderCount() - before) + " renders in all");
    System.out.printf(
        Locale.ROOT, "BENCH ratio all-apps/tracked: %.1fx%n", (tracked + rest) / tracked);
  }

  private static ManifestSource source(TestRepo repo, String path) {
    return new ManifestSource(repo.url(), "main", path, null, null, null, "bench", "default");
  }

  private static String deployment(String name, String image) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: "
        + name
        + "}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: "
        + name
        + "}}\n  template:\n    metadata: {labels: {app: "
        + name
        + "}}\n    spec:\n      containers:\n      - {name: web, image: \""
        + image
        + "\"}\n";
  }

  /** The median wall time of {@link #RUNS} runs, in ms. */
  private static double median(Supplier<?> action) {
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      action.get();
      times[i] = ms(t0);
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }

  private static Object run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + ": " + new String(out));
      }
      return out.length;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(RenderBenchmark.class.getResource(name).toURI());
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static void report(String what, double ms, String note) {
    System.out.printf(
        Locale.ROOT, "BENCH %-75s %9.2f ms%s%n", what, ms, note == null ? "" : "  (" + note + ")");
  }
}
