package io.quargo.appcontroller.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.yaml.ManifestCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthAssessorTest {

  private static ObjectNode object(String yaml) {
    return ManifestCodec.readAll(yaml).get(0);
  }

  @Test
  void aCustomCheckReplacesTheDefaultForItsKind() {
    Map<GroupKind, HealthCheck> checks = HealthChecks.builtIn();
    checks.put(
        GroupKind.of("example.com", "Widget"),
        live ->
            "Broken".equals(live.path("status").path("phase").asText())
                ? HealthStatus.degraded("widget is broken")
                : HealthStatus.healthy(""));
    HealthAssessor assessor = new HealthAssessor(checks);

    HealthStatus health =
        assessor.assess(
            object(
                "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nstatus: {phase: Broken}\n"));

    assertThat(health).isEqualTo(HealthStatus.degraded("widget is broken"));
    assertThat(
            HealthAssessor.standard()
                .assess(
                    object(
                        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nstatus: {phase: Broken}\n"))
                .status())
        .isEqualTo(HealthStatusCode.HEALTHY);
  }

  @Test
  void aThrowingCheckGivesUnknownNamingTheObject() {
    Map<GroupKind, HealthCheck> checks = HealthChecks.builtIn();
    checks.put(
        GroupKind.of("", "ConfigMap"),
        live -> {
          throw new IllegalStateException("boom");
        });

    HealthStatus health =
        new HealthAssessor(checks)
            .assess(object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n"));

    assertThat(health.status()).isEqualTo(HealthStatusCode.UNKNOWN);
    assertThat(health.message()).contains("ConfigMap cm").contains("boom");
  }

  @Test
  void argosOrderRanksHealthyBestAndUnknownWorst() {
    assertThat(HealthOrder.isWorse(HealthStatusCode.HEALTHY, HealthStatusCode.SUSPENDED)).isTrue();
    assertThat(HealthOrder.isWorse(HealthStatusCode.SUSPENDED, HealthStatusCode.PROGRESSING))
        .isTrue();
    assertThat(HealthOrder.isWorse(HealthStatusCode.PROGRESSING, HealthStatusCode.MISSING))
        .isTrue();
    assertThat(HealthOrder.isWorse(HealthStatusCode.MISSING, HealthStatusCode.DEGRADED)).isTrue();
    assertThat(HealthOrder.isWorse(HealthStatusCode.DEGRADED, HealthStatusCode.UNKNOWN)).isTrue();
    assertThat(HealthOrder.isWorse(HealthStatusCode.DEGRADED, HealthStatusCode.PROGRESSING))
        .isFalse();
  }

  @Test
  void hooksAndIgnoredResourcesAreExcludedFromAppHealth() {
    assertThat(
            AppHealth.excluded(
                object(
                    "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, annotations: {argocd.argoproj.io/hook: PreSync}}\n")))
        .isTrue();
    assertThat(
            AppHealth.excluded(
                object(
                    "apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {argocd.argoproj.io/ignore-healthcheck: \"true\"}}\n")))
        .isTrue();
    assertThat(AppHealth.excluded(object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")))
        .isFalse();
  }

  @Test
  void appHealthIsTheWorstResourceAndNamesTheCauses() {
    HealthStatus app =
        AppHealth.aggregate(
            List.of(
                resource("apps", "Deployment", "web", HealthStatus.healthy("")),
                resource("apps", "Deployment", "api", HealthStatus.progressing("x")),
                resource("", "Pod", "db-0", HealthStatus.degraded("crash")),
                resource("", "Service", "gone", HealthStatus.missing(""))));

    assertThat(app).isEqualTo(HealthStatus.degraded("Pod:demo/db-0"));
  }

  @Test
  void missingResourcesDoNotWorsenAnAppWithLiveResourcesButAnAllMissingAppIsMissing() {
    ResourceHealth missing = resource("", "ConfigMap", "gone", HealthStatus.missing(""));
    ResourceHealth healthy = resource("", "ConfigMap", "here", HealthStatus.healthy(""));

    assertThat(AppHealth.aggregate(List.of(healthy, missing)).status())
        .isEqualTo(HealthStatusCode.HEALTHY);
    assertThat(AppHealth.aggregate(List.of(missing)).status()).isEqualTo(HealthStatusCode.MISSING);
    assertThat(AppHealth.aggregate(List.of()).status()).isEqualTo(HealthStatusCode.HEALTHY);
  }

  @Test
  void anUnknownChildApplicationDoesNotAffectItsParent() {
    HealthStatus app =
        AppHealth.aggregate(
            List.of(
                resource("argoproj.io", "Application", "child", HealthStatus.unknown("")),
                resource("", "ConfigMap", "c", HealthStatus.healthy(""))));

    assertThat(app.status()).isEqualTo(HealthStatusCode.HEALTHY);
  }

  @Test
  void moreThanThreeCausesAreSummarised() {
    List<ResourceHealth> pods =
        List.of("a", "b", "c", "d", "e").stream()
            .map(name -> resource("", "Pod", name, HealthStatus.progressing("")))
            .toList();

    assertThat(AppHealth.aggregate(pods).message())
        .isEqualTo("Pod:demo/a, Pod:demo/b, Pod:demo/c and 2 more");
  }

  private static ResourceHealth resource(
      String group, String kind, String name, HealthStatus health) {
    return new ResourceHealth(GroupKind.of(group, kind), "demo", name, health);
  }
}
