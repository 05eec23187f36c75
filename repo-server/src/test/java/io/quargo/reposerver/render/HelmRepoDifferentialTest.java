package io.quargo.reposerver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.helmrepo.ChartVersion;
import io.quargo.reposerver.render.helmrepo.HelmRepoCharts;
import io.quargo.reposerver.render.helmrepo.HelmRepoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The charts of {@link HelmDifferentialTest}'s cases, packaged into a Helm repository on loopback
 * and rendered from there by us (index, version constraint, archive, helm-java) and by {@code helm
 * template NAME CHART --repo URL --version RANGE} of the real binary, compared as parsed objects.
 * The cases' value and {@code --set-file} files go into the packaged chart (Argo CD reads value
 * files of a repository chart from inside the chart); the binary gets them with {@code -f}. Skipped
 * without helm.
 */
class HelmRepoDifferentialTest {

  private static final Path HELM = HelmDifferentialTest.helm();

  @TempDir static Path tmp;
  static HelmRepoServer repo;
  static HelmRepoCharts charts;
  static final Map<String, HelmCase> cases = new LinkedHashMap<>();
  static final Map<String, String[]> published = new LinkedHashMap<>();

  @BeforeAll
  static void publish() throws IOException {
    repo = new HelmRepoServer(tmp.resolve("server"));
    for (String name : HelmCase.names().toList()) {
      HelmCase c = HelmCase.read(name, tmp);
      Map<String, Path> files = new LinkedHashMap<>();
      for (String file : c.files()) {
        files.put("case-values/" + file, c.root().resolve(file));
      }
      cases.put(name, c);
      published.put(name, repo.publishAsIs(c.root().resolve("chart"), files));
    }
    charts =
        HelmRepoCharts.create(new RepoCredentials(), tmp.resolve("charts"), Duration.ofMinutes(1));
  }

  @AfterAll
  static void stop() {
    repo.close();
  }

  static Stream<String> cases() throws IOException {
    return HelmCase.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aRepositoryChartRendersAsHelmTemplateRendersIt(String name) throws Exception {
    assumeTrue(
        HELM != null,
        "no helm found (set QUARGO_HELM or put helm on PATH): differential Helm repository case "
            + name
            + " skipped");
    HelmCase c = cases.get(name);
    String chart = published.get(name)[0];
    String version = published.get(name)[1];
    // a range that selects the published version
    String range = ">=" + version + " <=" + version;

    ManifestSource source =
        new ManifestSource(
            repo.url(),
            range,
            null,
            chart,
            c.helm(f -> "case-values/" + f),
            null,
            c.release(),
            c.namespace());
    ChartVersion picked = charts.resolve(repo.url(), chart, range);
    assertThat(picked.version()).isEqualTo(version);
    List<ObjectNode> ours =
        new HelmRenderer()
            .renderChart(charts.chartDir(repo.url(), picked), source, picked.version())
            .manifests();

    List<String> command = new ArrayList<>(List.of(HELM.toString(), "template", c.release()));
    command.addAll(List.of(chart, "--repo", repo.url(), "--version", range));
    command.addAll(c.flags());
    List<ObjectNode> theirs =
        ManifestCodec.readAll(
            HelmDifferentialTest.run(command, helmHome()), "helm template --repo " + name);
    assertThat(ours).as("case %s rendered nothing", name).isNotEmpty();
    assertThat(ManifestCodec.write(HelmDifferentialTest.normalise(ours)))
        .as("case %s: repository chart, ours (actual) against %s (expected)", name, HELM)
        .isEqualTo(ManifestCodec.write(HelmDifferentialTest.normalise(theirs)));
  }

  /** Helm's cache, config and data folders in the test's temporary folder. */
  private static Map<String, String> helmHome() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String kind : List.of("CACHE", "CONFIG", "DATA")) {
      env.put(
          "HELM_" + kind + "_HOME",
          Files.createDirectories(tmp.resolve("helm-" + kind.toLowerCase())).toString());
    }
    return env;
  }
}
