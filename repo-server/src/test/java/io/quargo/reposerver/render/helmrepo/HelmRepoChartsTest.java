package io.quargo.reposerver.render.helmrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.reposerver.RepoServerException;
import io.quargo.reposerver.cache.RenderCache;
import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.KustomizeRenderer;
import io.quargo.reposerver.render.ManifestResult;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.render.SourceType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts from a Helm repository served on loopback (charts packaged by helm-java), rendered through
 * {@link ManifestService} as {@code POST /api/v1/manifests} renders them.
 */
class HelmRepoChartsTest {

  @TempDir Path tmp;
  HelmRepoServer repo;
  RepoCredentials credentials;
  HelmRepoCharts charts;
  ManifestService service;

  @BeforeEach
  void serve() throws IOException {
    Path chart = tmp.resolve("web");
    write(chart, "values.yaml", "replicas: 1\nenv: default\nrevision: none\n");
    write(chart, "values-prod.yaml", "replicas: 3\nenv: prod\n");
    write(
        chart,
        "templates/deploy.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-web
          namespace: {{ .Release.Namespace }}
          labels:
            env: {{ .Values.env | quote }}
            chart: {{ .Chart.Version | quote }}
        spec:
          replicas: {{ .Values.replicas }}
        """);
    write(
        chart,
        "templates/cm.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          revision: {{ .Values.revision | quote }}
        """);
    write(
        chart,
        "crds/widgets.yaml",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions: [{name: v1, served: true, storage: true}]
        """);
    repo = new HelmRepoServer(tmp.resolve("server"));
    repo.publish(chart, "web", "1.0.0", false)
        .publish(chart, "web", "1.2.0", false)
        .publish(chart, "web", "1.2.5", true)
        .publish(chart, "web", "2.0.0-rc.1", false);
    credentials = new RepoCredentials();
    charts = HelmRepoCharts.create(credentials, tmp.resolve("charts"), Duration.ofMinutes(3));
    service =
        new ManifestService(
            null, null, credentials, new RenderCache(100), new KustomizeRenderer(), charts);
  }

  @AfterEach
  void stop() {
    repo.close();
  }

  @Test
  void anExactVersionRendersWithReleaseNamespaceAndTheChartVersionAsRevision() {
    ManifestResult result = service.render(source("1.2.0", null));
    assertThat(result.revision()).isEqualTo("1.2.0");
    assertThat(result.sourceType()).isEqualTo(SourceType.Helm);
    assertThat(kinds(result))
        .containsExactly("CustomResourceDefinition", "ConfigMap", "Deployment");
    ObjectNode deploy = kind(result, "Deployment");
    assertThat(deploy.at("/metadata/name").asText()).isEqualTo("shop-web");
    assertThat(deploy.at("/metadata/namespace").asText()).isEqualTo("prod-ns");
    assertThat(deploy.at("/metadata/labels/chart").asText()).isEqualTo("1.2.0");
    assertThat(result.origins()).contains("web/templates/deploy.yaml", "web/crds/widgets.yaml");
  }

  @Test
  void aConstraintPicksTheHighestMatchingReleaseAndFollowsAnAbsoluteChartUrl() {
    assertThat(service.render(source("1.2.*", null)).revision()).isEqualTo("1.2.5");
    assertThat(service.render(source(">=1.0.0 <1.2.0", null)).revision()).isEqualTo("1.0.0");
    assertThat(service.render(source("*", null)).revision()).isEqualTo("1.2.5");
    assertThat(service.render(source(">=2.0.0-rc.0", null)).revision()).isEqualTo("2.0.0-rc.1");
    assertThat(repo.hits("/elsewhere/web-1.2.5.tgz")).isEqualTo(1);
  }

  @Test
  void valuesParametersReleaseNameSkipCrdsAndTheBuildEnvironmentApply() {
    ManifestSource.Helm helm =
        new ManifestSource.Helm(
            List.of("values-prod.yaml"),
            "env: staging\n",
            null,
            List.of(new ManifestSource.Parameter("revision", "$ARGOCD_APP_REVISION", null)),
            "custom",
            "other-ns",
            true,
            null);
    ManifestResult result = service.render(source("1.0.0", helm));
    assertThat(kinds(result)).doesNotContain("CustomResourceDefinition");
    ObjectNode deploy = kind(result, "Deployment");
    assertThat(deploy.at("/metadata/name").asText()).isEqualTo("custom-web");
    assertThat(deploy.at("/metadata/namespace").asText()).isEqualTo("other-ns");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deploy.at("/metadata/labels/env").asText()).isEqualTo("staging");
    assertThat(kind(result, "ConfigMap").at("/data/revision").asText()).isEqualTo("1.0.0");
  }

  @Test
  void theIndexIsCachedAndEachArchiveIsDownloadedOnce() {
    service.render(source("1.2.0", null));
    service.render(source("1.2.*", null));
    service.render(
        source(
            "1.2.0", new ManifestSource.Helm(null, "env: x", null, null, null, null, null, null)));
    assertThat(repo.hits("/repo/index.yaml")).isEqualTo(1);
    assertThat(repo.hits("/repo/charts/web-1.2.0.tgz")).isEqualTo(1);
    // a new process with the same disk cache reads the index again but not the archive
    HelmRepoCharts fresh =
        HelmRepoCharts.create(credentials, tmp.resolve("charts"), Duration.ofMinutes(3));
    Path dir = fresh.chartDir(url(), fresh.resolve(url(), "web", "1.2.0"));
    assertThat(dir.resolve("Chart.yaml")).exists();
    assertThat(repo.hits("/repo/index.yaml")).isEqualTo(2);
    assertThat(repo.hits("/repo/charts/web-1.2.0.tgz")).isEqualTo(1);
  }

  @Test
  void anExpiredIndexIsFetchedAgain() {
    HelmRepoCharts shortLived =
        HelmRepoCharts.create(credentials, tmp.resolve("charts2"), Duration.ZERO);
    shortLived.resolve(url(), "web", "1.2.0");
    shortLived.resolve(url(), "web", "1.2.0");
    assertThat(repo.hits("/repo/index.yaml")).isEqualTo(2);
  }

  @Test
  void basicAuthComesFromTheCredentialsOfTheUrlPrefix() {
    repo.requireAuth("ci", "s3cret");
    assertThatThrownBy(() -> service.render(source("1.2.0", null)))
        .isInstanceOfSatisfying(
            RepoServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.getMessage()).contains(url()).doesNotContain("s3cret");
            });
    credentials.put("http://127.0.0.1:", new GitCredentials("ci", "s3cret"));
    assertThat(service.render(source("1.2.*", null)).revision()).isEqualTo("1.2.5");
  }

  @Test
  void anUnknownChartIs404ListingTheChartsThere() {
    assertThatThrownBy(() -> service.render(source("1.0.0", null, "nginx")))
        .isInstanceOfSatisfying(
            RepoServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.problem().type()).endsWith("helm-chart-not-found");
              assertThat(e.getMessage()).contains("\"nginx\"", "charts there include web");
            });
  }

  @Test
  void noMatchingVersionIs404NamingTheNearestVersions() {
    assertThatThrownBy(() -> service.render(source("1.3.0", null)))
        .isInstanceOfSatisfying(
            RepoServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.extensions().get("availableVersions"))
                  .isEqualTo(List.of("2.0.0-rc.1", "1.2.5", "1.2.0", "1.0.0"));
              assertThat(e.getMessage()).contains("targetRevision \"1.3.0\"", "nearest available");
            });
    assertThatThrownBy(() -> service.render(source("3.*", null)))
        .isInstanceOfSatisfying(
            RepoServerException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void anUnreachableRepositoryIs502() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + port + "/repo";
    assertThatThrownBy(() -> service.render(sourceAt(dead, "web", "1.0.0")))
        .isInstanceOfSatisfying(
            RepoServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.getMessage()).contains(dead);
            });
  }

  @Test
  void aBadIndexIs422AndAMissingOneSaysSo() {
    repo.put("/bad/index.yaml", "entries: [1, 2\n".getBytes(StandardCharsets.UTF_8));
    String bad = url().replace("/repo", "/bad");
    assertThatThrownBy(() -> service.render(sourceAt(bad, "web", "1.0.0")))
        .isInstanceOfSatisfying(
            RepoServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.problem().type()).endsWith("helm-repo-index-invalid");
            });
    String none = url().replace("/repo", "/none");
    assertThatThrownBy(() -> service.render(sourceAt(none, "web", "1.0.0")))
        .isInstanceOfSatisfying(
            RepoServerException.class, e -> assertThat(e.getMessage()).contains("no index.yaml"));
  }

  @Test
  void anArchiveThatDoesNotMatchItsDigestIsRefused() {
    repo.put("/repo/charts/web-1.0.0.tgz", "not the chart".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> service.render(source("1.0.0", null)))
        .isInstanceOfSatisfying(
            RepoServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.getMessage()).contains("digest");
            });
  }

  @Test
  void ociAndOtherSchemesAre501() {
    assertThatThrownBy(() -> service.render(sourceAt("oci://ghcr.io/x/charts", "web", "1.0.0")))
        .isInstanceOfSatisfying(
            RepoServerException.class, e -> assertThat(e.status()).isEqualTo(501));
  }

  private String url() {
    return repo.url();
  }

  private ManifestSource source(String version, ManifestSource.Helm helm) {
    return source(version, helm, "web");
  }

  private ManifestSource source(String version, ManifestSource.Helm helm, String chart) {
    return new ManifestSource(url(), version, null, chart, helm, null, "shop", "prod-ns");
  }

  private static ManifestSource sourceAt(String url, String chart, String version) {
    return new ManifestSource(url, version, null, chart, null, null, "shop", "prod-ns");
  }

  private static List<String> kinds(ManifestResult result) {
    return result.manifests().stream().map(m -> m.path("kind").asText()).toList();
  }

  private static ObjectNode kind(ManifestResult result, String kind) {
    return result.manifests().stream()
        .filter(m -> m.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private static void write(Path dir, String file, String text) throws IOException {
    Path target = dir.resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, text);
  }
}
