package io.quargo.cli;

import static io.quargo.cli.GatewayStandIn.resource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** app wait (Synced/Healthy, Degraded, time-out), app diff and app manifests. */
class AppWaitAndDiffTest extends GatewayCliTest {
  private static final String APP = "/api/v1/applications/guestbook";

  AppWaitAndDiffTest() {
    super(Access.SERVER_ONLY);
  }

  private static String app(String sync, String health) {
    return resource("guestbook.json")
        .replace(
            "\"status\": \"Synced\", \"revision\"", "\"status\": \"" + sync + "\", \"revision\"")
        .replace(
            "\"health\": {\"status\": \"Healthy\"},\n    \"resources\"",
            "\"health\": {\"status\": \""
                + health
                + "\", \"message\": \"pods are "
                + health
                + "\"},\n    \"resources\"");
  }

  @Test
  void waitExitsZeroOnceSyncedAndHealthy() {
    gateway.on(
        "GET",
        APP,
        app("OutOfSync", "Missing"),
        app("Synced", "Progressing"),
        app("Synced", "Healthy"));

    CliRunner.Result result =
        cli.run("app", "wait", "guestbook", "--timeout", "30", "--poll-interval", "20");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(gateway.requests().stream().filter(r -> r.path().equals(APP)).count()).isEqualTo(3);
    assertThat(result.out()).contains("Health Status:      Healthy (pods are Healthy)");
  }

  @Test
  void waitForSyncOnlyIgnoresHealth() {
    gateway.on("GET", APP, app("Synced", "Progressing"));

    assertThat(cli.run("app", "wait", "guestbook", "--sync").exitCode()).isEqualTo(Main.OK);
  }

  @Test
  void waitExitsOneWhenTheAppIsDegraded() {
    gateway.on("GET", APP, app("Synced", "Progressing"), app("Synced", "Degraded"));

    CliRunner.Result result =
        cli.run("app", "wait", "guestbook", "--health", "--poll-interval", "20");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err()).contains("application 'guestbook' is Degraded: pods are Degraded");
  }

  @Test
  void waitForSuspendedOrDegradedTakesThemAsTheGoal() {
    gateway.on("GET", APP, app("Synced", "Progressing"), app("Synced", "Suspended"));
    CliRunner.Result suspended =
        cli.run("app", "wait", "guestbook", "--suspended", "--poll-interval", "20");
    assertThat(suspended.exitCode()).as(suspended.err()).isEqualTo(Main.OK);

    gateway.on("GET", APP, app("Synced", "Progressing"), app("Synced", "Degraded"));
    CliRunner.Result degraded =
        cli.run("app", "wait", "guestbook", "--health", "--degraded", "--poll-interval", "20");
    assertThat(degraded.exitCode()).as(degraded.err()).isEqualTo(Main.OK);

    gateway.on("GET", APP, app("Synced", "Progressing"));
    CliRunner.Result timedOut =
        cli.run("app", "wait", "guestbook", "--health", "--suspended", "--timeout", "1");
    assertThat(timedOut.exitCode()).isEqualTo(Main.FAILED);
    assertThat(timedOut.err()).contains("health is Progressing, not Healthy or Suspended");
  }

  @Test
  void waitExitsOneOnTimeOutNamingWhatIsMissing() {
    gateway.on("GET", APP, app("OutOfSync", "Progressing"));

    long start = System.nanoTime();
    CliRunner.Result result =
        cli.run("app", "wait", "guestbook", "--timeout", "1", "--poll-interval", "100");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err())
        .contains("timed out (1s) waiting for application 'guestbook'")
        .contains("sync status is OutOfSync, not Synced")
        .contains("health is Progressing, not Healthy");
    assertThat(millis).isBetween(900L, 5_000L);
  }

  private static String modified(String app) {
    return "{\"result\":{\"type\":\"MODIFIED\",\"application\":" + app + "}}";
  }

  private static final String STREAM = "/api/v1/stream/applications?name=guestbook";

  @Test
  void waitFollowsTheApplicationStreamWhenTheGatewayHasOne() {
    // polling would never see Synced: only the stream's events carry it
    gateway.on("GET", APP, app("OutOfSync", "Missing"));
    gateway.stream(
        STREAM,
        modified(
            app("OutOfSync", "Progressing")
                .replace("\"name\": \"guestbook\"", "\"name\": \"other\"")),
        modified(app("Synced", "Progressing")),
        modified(app("Synced", "Healthy")));

    CliRunner.Result result = cli.run("app", "wait", "guestbook", "--timeout", "30");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).contains("Health Status:      Healthy (pods are Healthy)");
    assertThat(gateway.requests().stream().filter(r -> r.path().equals(APP)).count()).isEqualTo(1);
  }

  @Test
  void waitOnTheStreamExitsOneWhenDegraded() {
    gateway.on("GET", APP, app("OutOfSync", "Missing"));
    gateway.stream(
        STREAM, modified(app("Synced", "Progressing")), modified(app("Synced", "Degraded")));

    CliRunner.Result result = cli.run("app", "wait", "guestbook", "--health", "--timeout", "30");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err()).contains("application 'guestbook' is Degraded: pods are Degraded");
  }

  @Test
  void waitOnAQuietStreamTimesOut() {
    gateway.on("GET", APP, app("Synced", "Progressing"));
    gateway.stream(STREAM);

    long start = System.nanoTime();
    CliRunner.Result result = cli.run("app", "wait", "guestbook", "--timeout", "1");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err())
        .contains("timed out (1s) waiting for application 'guestbook': health is Progressing");
    assertThat(millis).isBetween(900L, 5_000L);
    assertThat(gateway.requests()).anyMatch(r -> r.path().equals(STREAM));
  }

  @Test
  void diffPrintsAUnifiedDiffPerChangedResourceAndExitsOne() {
    gateway.on("GET", APP + "/managed-resources", resource("managed-resources.json"));

    CliRunner.Result result = cli.run("app", "diff", "guestbook");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.FAILED);
    String out = result.out();
    // the Service's normalized live state differs from the target only in key order
    assertThat(out).doesNotContain("Service");
    assertThat(out)
        .contains("===== apps/Deployment default/guestbook-ui ======")
        .contains("--- live/Deployment/default/guestbook-ui")
        .contains("+++ desired/Deployment/default/guestbook-ui")
        .contains("-  replicas: 3\n+  replicas: 1\n")
        .contains("-      - image: gcr.io/heptio-images/ks-guestbook-demo:0.1\n")
        .contains("+      - image: gcr.io/heptio-images/ks-guestbook-demo:0.2\n")
        .contains("===== /ConfigMap default/guestbook-config ======")
        .contains("@@ -0,0 +1,7 @@")
        .contains("+  mode: demo");
  }

  @Test
  void diffRefreshesFirstWhenAskedAndNoExitCodeExitsZero() {
    gateway.on("GET", APP + "/managed-resources", resource("managed-resources.json"));
    gateway.on("GET", APP + "?refresh=hard", resource("guestbook.json"));

    CliRunner.Result result =
        cli.run("app", "diff", "guestbook", "--hard-refresh", "--no-exit-code");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).contains("-  replicas: 3\n+  replicas: 1\n");
    assertThat(gateway.requests())
        .extracting(GatewayStandIn.Recorded::path)
        .containsExactly(APP + "?refresh=hard", APP + "/managed-resources");
  }

  @Test
  void diffExitsZeroWhenNothingDiffers() {
    gateway.on(
        "GET",
        APP + "/managed-resources",
        "{\"items\":[{\"kind\":\"Service\",\"name\":\"s\","
            + "\"targetState\":\"{\\\"a\\\":1,\\\"b\\\":2}\",\"normalizedLiveState\":\"{\\\"b\\\":2,\\\"a\\\":1}\"}]}");

    CliRunner.Result result = cli.run("app", "diff", "guestbook");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void manifestsPrintsDesiredOrLiveObjectsAsYaml() {
    gateway.on("GET", APP + "/managed-resources", resource("managed-resources.json"));

    String git = cli.run("app", "manifests", "guestbook").out();
    assertThat(git).contains("ks-guestbook-demo:0.2").contains("mode: demo").contains("---");
    String live = cli.run("app", "manifests", "guestbook", "--source", "live").out();
    assertThat(live).contains("ks-guestbook-demo:0.1").doesNotContain("mode: demo");
    assertThat(cli.run("app", "manifests", "guestbook", "--source", "helm").exitCode())
        .isEqualTo(Main.USAGE);
  }
}
