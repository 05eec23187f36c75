package io.quargo.reposerver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.ManifestResult;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.support.TestRepo;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The render cache in front of Git and the renderers, counted rather than timed. */
@ExtendWith(GitServerExtension.class)
class RenderCacheTest {

  static final int APPS = 20;
  static TestRepo repo;
  static String sha;

  @TempDir Path cacheDir;
  GitRepoCache git;
  ManifestService service;

  @BeforeAll
  static void serve(GitServer server) {
    repo = TestRepo.create(server, "cached");
    for (int i = 0; i < APPS; i++) {
      repo.write("apps/app" + i + "/cm.yaml", cm("app" + i))
          .write("apps/app" + i + "/sub/x.yaml", cm("sub" + i));
    }
    sha = repo.commitAndPush("apps");
  }

  @BeforeEach
  void service() {
    git = new GitRepoCache(cacheDir, Duration.ofSeconds(30));
    service =
        new ManifestService(
            new GitRevisions(git, Duration.ofMinutes(3)),
            new CommitTrees(cacheDir, 10),
            new RepoCredentials(),
            new RenderCache(100));
  }

  @Test
  void aRepeatedRequestTouchesNeitherGitNorARenderer() {
    ManifestResult first = service.render(source("main", "apps/app1", false));
    long fetches = git.fetchCount();
    long lsRemotes = git.lsRemoteCount();
    ManifestResult second = service.render(source("main", "apps/app1", false));
    assertThat(service.renderCount()).isEqualTo(1);
    assertThat(git.fetchCount()).isEqualTo(fetches);
    assertThat(git.lsRemoteCount()).isEqualTo(lsRemotes);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void anyParameterChangeIsAnotherEntry() {
    service.render(source(sha, "apps/app1", false));
    service.render(source(sha, "apps/app1", true));
    service.render(source(sha, "apps/app2", false));
    assertThat(service.renderCount()).isEqualTo(3);
    service.render(source(sha, "apps/app1", true));
    assertThat(service.renderCount()).isEqualTo(3);
  }

  @Test
  void cachedManifestsCannotBeChangedByACaller() {
    ManifestResult first = service.render(source(sha, "apps/app1", false));
    first.manifests().get(0).put("kind", "Changed");
    assertThat(
            service.render(source(sha, "apps/app1", false)).manifests().get(0).get("kind").asText())
        .isEqualTo("ConfigMap");
  }

  @Test
  void manyAppsOfOneRepositoryRenderInParallelWithOneFetch() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ManifestResult>> results = new ArrayList<>();
      for (int i = 0; i < APPS; i++) {
        String path = "apps/app" + i;
        results.add(pool.submit(() -> service.render(source(sha, path, true))));
      }
      for (int i = 0; i < APPS; i++) {
        assertThat(results.get(i).get().manifests())
            .extracting(m -> m.at("/metadata/name").asText())
            .containsExactly("app" + i, "sub" + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(git.fetchCount()).isEqualTo(1);
    assertThat(service.renderCount()).isEqualTo(APPS);
  }

  private static ManifestSource source(String revision, String path, boolean recurse) {
    return new ManifestSource(
        repo.url(),
        revision,
        path,
        null,
        null,
        new ManifestSource.Directory(recurse, null, null),
        "app",
        "default");
  }

  private static String cm(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }
}
