package io.quargo.reposerver.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.KustomizeRenderer;
import io.quargo.reposerver.render.ManifestResult;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.render.RenderLimitException;
import io.quargo.reposerver.render.RenderLimits;
import io.quargo.reposerver.render.helmrepo.HelmRepoCharts;
import io.quargo.reposerver.support.TestRepo;
import io.quargo.reposerver.watch.AppDependencies;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk render cache ({@code quargo.repo-server.render-cache-dir}): a new repo-server (fresh
 * memory, an empty Git cache) answers a commit it rendered before without Git or a renderer, and
 * knows what the render read.
 */
@ExtendWith(GitServerExtension.class)
class DiskRenderCacheTest {

  static TestRepo repo;
  static String sha;

  @TempDir Path dir;

  @BeforeAll
  static void serve(GitServer server) {
    repo = TestRepo.create(server, "disk");
    repo.write("base/kustomization.yaml", "resources: [cm.yaml]\n")
        .write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n")
        .write("overlay/kustomization.yaml", "resources: [../base]\nnamePrefix: prod-\n")
        .write(
            "big/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {v: \""
                + "x".repeat(3_000)
                + "\"}\n");
    sha = repo.commitAndPush("overlay");
  }

  /** One repo-server "process": its own Git cache and memory, the shared render cache folder. */
  record Server(GitRepoCache git, ManifestService service, RenderCache cache) {}

  Server start(String name, KustomizeRenderer kustomize, RenderLimits limits) {
    Path gitDir = dir.resolve(name);
    GitRepoCache git = new GitRepoCache(gitDir, Duration.ofSeconds(30));
    RenderCache cache = new RenderCache(100, new DiskRenderStore(dir.resolve("renders")));
    AppDependencies dependencies = new AppDependencies();
    cache
        .disk()
        .orElseThrow()
        .forEachDependencies(
            d ->
                dependencies.recordStored(
                    d.key().repoUrl(), d.key().path(), d.key().parameters(), d.paths()));
    ManifestService service =
        new ManifestService(
            new GitRevisions(git, Duration.ofMinutes(3)),
            new CommitTrees(gitDir, 10),
            new RepoCredentials(),
            cache,
            kustomize,
            HelmRepoCharts.create(new RepoCredentials(), gitDir.resolve("charts")),
            limits,
            dependencies);
    return new Server(git, service, cache);
  }

  Server start(String name) {
    return start(name, new KustomizeRenderer(), RenderLimits.defaults());
  }

  @Test
  void aRestartedServerAnswersACommitItRenderedWithoutGitOrARenderer() {
    ManifestResult first = start("before").service().render(source("overlay"));
    assertThat(first.manifests()).hasSize(1);

    Server restarted = start("after");
    ManifestResult again = restarted.service().render(source("overlay"));

    assertThat(again).isEqualTo(first);
    assertThat(restarted.service().renderCount()).isZero();
    assertThat(restarted.git().fetchCount()).isZero();
    assertThat(restarted.git().lsRemoteCount()).isZero();
    assertThat(restarted.cache().diskHitCount()).isEqualTo(1);
    assertThat(restarted.service().dependencies().of(repo.url(), "overlay"))
        .contains("overlay", "base/cm.yaml", "base/kustomization.yaml");
  }

  @Test
  void theDependencyIndexIsRebuiltFromDiskAtStart() {
    start("first").service().render(source("overlay"));
    Server restarted = start("second");
    assertThat(restarted.service().dependencies().affected(repo.url(), List.of("base/cm.yaml")))
        .containsExactly("overlay");
  }

  @Test
  void anotherRendererVersionIsAnotherEntry() {
    start("plain").service().render(source("overlay"));
    Server other =
        start(
            "external",
            new KustomizeRenderer(
                io.quargo.reposerver.render.kustomize.ExternalKustomize.kubectl(
                    Path.of("/nonexistent/kubectl"))),
            RenderLimits.defaults());
    other.service().render(source("overlay"));
    assertThat(other.service().renderCount()).isEqualTo(1);
  }

  @Test
  void anUnreadableEntryIsRenderedAgainAndReplaced() throws IOException {
    ManifestResult first = start("writer").service().render(source("overlay"));
    try (Stream<Path> files = Files.walk(dir.resolve("renders"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Files.writeString(f, "{not json");
      }
    }
    Server reader = start("reader");
    assertThat(reader.service().render(source("overlay"))).isEqualTo(first);
    assertThat(reader.service().renderCount()).isEqualTo(1);
    Server third = start("third");
    third.service().render(source("overlay"));
    assertThat(third.service().renderCount()).isZero();
  }

  @Test
  void aRenderPastALimitIsNotStored() throws IOException {
    Server limited =
        start(
            "limited",
            new KustomizeRenderer(),
            new RenderLimits(1_000, 100, Duration.ofMinutes(1)));
    assertThatThrownBy(() -> limited.service().render(source("big")))
        .isInstanceOf(RenderLimitException.class);
    try (Stream<Path> files = Files.walk(dir.resolve("renders"))) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  private static ManifestSource source(String path) {
    return new ManifestSource(repo.url(), sha, path, null, null, null, "app", "default");
  }
}
