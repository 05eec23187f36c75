package io.quargo.reposerver.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.common.events.RepoRevisionChanged;
import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.KustomizeRenderer;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.render.RenderLimits;
import io.quargo.reposerver.render.helmrepo.HelmRepoCharts;
import io.quargo.reposerver.support.TestRepo;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A moved branch names, in {@code affectedAppPaths}, the apps that read a changed file: a Kustomize
 * overlay whose base or component changed, a Helm chart whose value file (outside the chart)
 * changed; an app that read none of the changed files is left out.
 */
@ExtendWith(GitServerExtension.class)
class DependencyTrackingTest {

  static final String OVERLAY = "apps/overlays/prod";
  static final String UNRELATED = "apps/unrelated";
  static final String CHART = "charts/web";

  @TempDir Path cacheDir;
  TestRepo repo;
  ManifestService service;
  RevisionDetector detector;
  final List<RepoRevisionChanged> published = new ArrayList<>();

  @BeforeEach
  void setUp(GitServer server) {
    repo = TestRepo.create(server, "deps");
    repo.write("apps/base/kustomization.yaml", "resources: [deploy.yaml]\n")
        .write("apps/base/deploy.yaml", deployment("nginx:1.27"))
        .write(
            "components/monitor/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                + "commonLabels: {monitored: \"true\"}\n")
        .write(
            OVERLAY + "/kustomization.yaml",
            "resources: [../../base]\ncomponents: [../../../components/monitor]\n"
                + "namePrefix: prod-\n")
        .write(UNRELATED + "/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: u}\n")
        .write(CHART + "/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n")
        .write(
            CHART + "/templates/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n"
                + "data: {size: {{ .Values.size | quote }}}\n")
        .write("values/web-prod.yaml", "size: large\n")
        .write("README.md", "apps\n");
    repo.commitAndPush("apps");
    GitRepoCache git = new GitRepoCache(cacheDir, Duration.ofSeconds(30));
    GitRevisions revisions = new GitRevisions(git, Duration.ZERO);
    AppDependencies dependencies = new AppDependencies();
    service =
        new ManifestService(
            revisions,
            new CommitTrees(cacheDir, 10),
            new RepoCredentials(),
            new RenderCache(100),
            new KustomizeRenderer(),
            HelmRepoCharts.create(new RepoCredentials(), cacheDir.resolve("charts")),
            RenderLimits.defaults(),
            dependencies);
    detector =
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
    service.render(source(OVERLAY, null));
    service.render(source(UNRELATED, null));
    service.render(
        source(
            CHART,
            new ManifestSource.Helm(
                List.of("../../values/web-prod.yaml"), null, null, null, null, null, null, null)));
    detector.watch(repo.url());
  }

  @Test
  void anOverlayWhoseBaseChangedIsAffectedAndAnUnrelatedAppIsNot() {
    RepoRevisionChanged event = commit("apps/base/deploy.yaml", deployment("nginx:1.28"));

    assertThat(event.changedPaths()).containsExactly("apps/base/deploy.yaml");
    assertThat(event.affectedAppPaths()).containsExactly(OVERLAY);
    assertThat(event.concerns(OVERLAY)).isTrue();
    assertThat(event.concerns(UNRELATED)).isFalse();
    assertThat(event.concerns(CHART)).isFalse();
  }

  @Test
  void anOverlayWhoseComponentChangedIsAffected() {
    RepoRevisionChanged event =
        commit(
            "components/monitor/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                + "commonLabels: {monitored: \"yes\"}\n");
    assertThat(event.affectedAppPaths()).containsExactly(OVERLAY);
  }

  @Test
  void aChartWhoseValueFileChangedIsAffected() {
    RepoRevisionChanged event = commit("values/web-prod.yaml", "size: small\n");
    assertThat(event.affectedAppPaths()).containsExactly(CHART);
    assertThat(event.concerns(CHART)).isTrue();
    assertThat(event.concerns(OVERLAY)).isFalse();
  }

  @Test
  void aChangeNoAppReadAffectsNone() {
    RepoRevisionChanged event = commit("README.md", "apps, documented\n");
    assertThat(event.affectedAppPaths()).isEmpty();
    assertThat(List.of(OVERLAY, UNRELATED, CHART)).noneMatch(event::concerns);
  }

  @Test
  void aChangeInsideAnAppAffectsThatAppOnly() {
    RepoRevisionChanged event =
        commit(UNRELATED + "/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: v}\n");
    assertThat(event.affectedAppPaths()).containsExactly(UNRELATED);
  }

  private RepoRevisionChanged commit(String path, String content) {
    published.clear();
    repo.write(path, content).commitAndPush("change " + path);
    List<RepoRevisionChanged> events = detector.check(repo.url());
    assertThat(events).hasSize(1);
    assertThat(published).isEqualTo(events);
    return events.get(0);
  }

  private ManifestSource source(String path, ManifestSource.Helm helm) {
    return new ManifestSource(repo.url(), "main", path, null, helm, null, "web", "default");
  }

  private static String deployment(String image) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
        + "    spec:\n      containers:\n      - {name: web, image: \""
        + image
        + "\"}\n";
  }
}
