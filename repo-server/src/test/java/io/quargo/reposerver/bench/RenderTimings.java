package io.quargo.reposerver.bench;

import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.support.TestRepo;
import io.quargo.testkit.git.GitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A benchmark, not a test: times cold and warm renders of a Helm chart and a directory app, cache
 * hits, and 100 apps of one repository rendered in parallel, against testkit's git daemon. Run with
 * {@code java -cp <test classpath> io.quargo.reposerver.bench.RenderTimings}.
 */
public final class RenderTimings {

  public static void main(String[] args) throws Exception {
    GitServer server = GitServer.shared();
    TestRepo repo = TestRepo.create(server, "bench");
    repo.write("chart/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n")
        .write("chart/values.yaml", "replicas: 2\nimage: nginx:1.27\n");
    for (int t = 0; t < 8; t++) {
      repo.write(
          "chart/templates/t" + t + ".yaml",
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-"
              + t
              + "\n  labels: {app: {{ .Release.Name | quote }}}\nspec:\n  replicas: {{ .Values.replicas }}\n"
              + "  template:\n    spec:\n      containers:\n      - name: c\n        image: {{ .Values.image }}\n");
    }
    for (int i = 0; i < 100; i++) {
      repo.write(
          "apps/app" + i + "/cm.yaml",
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app" + i + "\n");
    }
    String sha = repo.commitAndPush("bench");
    Path dir = Files.createTempDirectory("quargo-bench-");
    GitRepoCache git = new GitRepoCache(dir, Duration.ofSeconds(30));
    ManifestService service =
        new ManifestService(
            new GitRevisions(git, Duration.ofMinutes(3)),
            new CommitTrees(dir, 10),
            new RepoCredentials(),
            new RenderCache(10_000));
    ManifestSource chart = source(repo.url(), sha, "chart", null);
    time("helm chart, cold (clone + tree + first helm call)", () -> service.render(chart));
    for (int i = 0; i < 5; i++) {
      int n = i;
      time(
          "helm chart, warm, new parameters #" + n,
          () ->
              service.render(
                  source(
                      repo.url(),
                      sha,
                      "chart",
                      new ManifestSource.Helm(
                          null,
                          null,
                          null,
                          List.of(new ManifestSource.Parameter("replicas", "" + (3 + n), null)),
                          null,
                          null,
                          null,
                          null))));
    }
    time("helm chart, cache hit", () -> service.render(chart));
    time("directory app, warm", () -> service.render(source(repo.url(), sha, "apps/app0", null)));
    time(
        "directory app, cache hit",
        () -> service.render(source(repo.url(), sha, "apps/app0", null)));
    long t0 = System.nanoTime();
    for (int i = 1; i < 50; i++) {
      service.render(source(repo.url(), sha, "apps/app" + i, null));
    }
    System.out.printf("49 directory apps, serial: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    t0 = System.nanoTime();
    List<Future<?>> futures = new java.util.ArrayList<>();
    for (int i = 50; i < 100; i++) {
      String path = "apps/app" + i;
      futures.add(pool.submit(() -> service.render(source(repo.url(), sha, path, null))));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    System.out.printf("50 directory apps, 4 threads: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    pool.shutdown();
    System.out.printf("fetches: %d, renders: %d%n", git.fetchCount(), service.renderCount());
    System.exit(0);
  }

  private static ManifestSource source(
      String url, String sha, String path, ManifestSource.Helm helm) {
    return new ManifestSource(url, sha, path, null, helm, null, "bench", "default");
  }

  private static void time(String what, Supplier<?> action) {
    long t0 = System.nanoTime();
    action.get();
    System.out.printf("%s: %.2f ms%n", what, (System.nanoTime() - t0) / 1e6);
  }
}
