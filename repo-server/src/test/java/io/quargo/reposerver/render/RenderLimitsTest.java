package io.quargo.reposerver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.helmrepo.HelmRepoCharts;
import io.quargo.reposerver.render.kustomize.ExternalKustomize;
import io.quargo.reposerver.support.TestRepo;
import io.quargo.reposerver.watch.AppDependencies;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each render limit stops a render that passes it with a 422 naming the limit and the app path, and
 * leaves nothing in the cache.
 */
@ExtendWith(GitServerExtension.class)
class RenderLimitsTest {

  static TestRepo repo;
  static String sha;

  @TempDir Path dir;

  @BeforeAll
  static void serve(GitServer server) {
    repo = TestRepo.create(server, "limits");
    for (int i = 0; i < 5; i++) {
      repo.write("many/cm" + i + ".yaml", cm("cm" + i, "x"));
    }
    repo.write("big/cm.yaml", cm("big", "y".repeat(5_000)))
        .write("kust/base/kustomization.yaml", "resources: [a.yaml, b.yaml, c.yaml]\n")
        .write("kust/base/a.yaml", cm("a", "1"))
        .write("kust/base/b.yaml", cm("b", "2"))
        .write("kust/base/c.yaml", cm("c", "3"))
        .write("kust/overlay/kustomization.yaml", "resources: [../base]\nnamePrefix: p-\n")
        .write(
            "generated/kustomization.yaml",
            "configMapGenerator:\n- name: gen\n  literals:\n  - big=" + "z".repeat(5_000) + "\n")
        .write(
            "hangs/kustomization.yaml",
            "resources: [cm.yaml]\nreplacements:\n- source: {kind: ConfigMap, name: h}\n"
                + "  targets: []\n")
        .write("hangs/cm.yaml", cm("h", "1"));
    sha = repo.commitAndPush("apps past the limits");
  }

  @Test
  void aDirectoryWithMoreFilesThanTheLimitFailsNamingTheLimitAndPath() {
    RenderLimitException e =
        fail(service(new RenderLimits(1 << 20, 3, Duration.ofMinutes(1))), "many");
    assertThat(e.limit()).isEqualTo(RenderLimits.MAX_FILES);
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.extensions()).containsEntry("path", "many").containsEntry("max", 3);
    assertThat(e.getMessage()).contains("many").contains("quargo.repo-server.render.max-files");
  }

  @Test
  void aKustomizationReadingMoreFilesThanTheLimitFails() {
    ManifestService within = service(new RenderLimits(1 << 20, 5, Duration.ofMinutes(1)));
    assertThat(within.render(source("kust/overlay")).manifests()).hasSize(3);
    RenderLimitException e =
        fail(service(new RenderLimits(1 << 20, 4, Duration.ofMinutes(1))), "kust/overlay");
    assertThat(e.limit()).isEqualTo(RenderLimits.MAX_FILES);
    assertThat(e.extensions()).containsEntry("path", "kust/overlay");
  }

  @Test
  void manifestsLargerThanTheLimitFailWhetherReadOrGenerated() {
    RenderLimits limits = new RenderLimits(4_000, 100, Duration.ofMinutes(1));
    ManifestService service = service(limits);
    assertThat(service.render(source("many")).manifests()).hasSize(5);
    RenderLimitException read = fail(service, "big");
    assertThat(read.limit()).isEqualTo(RenderLimits.MAX_MANIFEST_BYTES);
    assertThat(read.extensions()).containsEntry("path", "big");
    RenderLimitException generated = fail(service, "generated");
    assertThat(generated.limit()).isEqualTo(RenderLimits.MAX_MANIFEST_BYTES);
    assertThat(generated.extensions()).containsEntry("path", "generated");
    assertThat(service.render(source("many")).manifests()).hasSize(5);
  }

  @Test
  void aHangingExternalKustomizeIsStoppedAtTheTimeLimitAndNothingIsCached() throws Exception {
    Path pidFile = dir.resolve("pid");
    Path script = dir.resolve("kustomize-hangs");
    Files.writeString(script, "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 60\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    ManifestService service =
        service(
            new RenderLimits(1 << 20, 100, Duration.ofMillis(1500)),
            new KustomizeRenderer(
                new ExternalKustomize(List.of(script.toString(), "build"), Duration.ofMinutes(5))));

    RenderLimitException e = fail(service, "hangs");
    assertThat(e.limit()).isEqualTo(RenderLimits.MAX_TIME);
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.extensions()).containsEntry("path", "hangs");
    assertThat(e.getMessage()).contains("quargo.repo-server.render.max-time");

    await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(pidFile));
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));

    fail(service, "hangs");
    assertThat(service.renderCount()).as("the second request rendered again").isEqualTo(2);
  }

  private RenderLimitException fail(ManifestService service, String path) {
    RenderLimitException e =
        catchThrowableOfType(RenderLimitException.class, () -> service.render(source(path)));
    assertThat(e).as("a render of %s past its limit", path).isNotNull();
    return e;
  }

  private ManifestService service(RenderLimits limits) {
    return service(limits, new KustomizeRenderer());
  }

  private ManifestService service(RenderLimits limits, KustomizeRenderer kustomize) {
    Path cache = dir.resolve("cache-" + System.nanoTime());
    GitRepoCache git = new GitRepoCache(cache, Duration.ofSeconds(30));
    return new ManifestService(
        new GitRevisions(git, Duration.ofMinutes(3)),
        new CommitTrees(cache, 10),
        new RepoCredentials(),
        new RenderCache(100),
        kustomize,
        HelmRepoCharts.create(new RepoCredentials(), cache.resolve("charts")),
        limits,
        new AppDependencies());
  }

  private static ManifestSource source(String path) {
    return new ManifestSource(repo.url(), sha, path, null, null, null, "app", "default");
  }

  private static String cm(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\ndata:\n  value: \""
        + value
        + "\"\n";
  }
}
