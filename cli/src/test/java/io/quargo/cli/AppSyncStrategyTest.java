package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * argocd's {@code app sync --strategy --force --retry-limit --retry-backoff-*}: the SyncRequest's
 * {@code strategy} and {@code retryStrategy} as argocd sends them.
 */
class AppSyncStrategyTest extends GatewayCliTest {
  private static final String SYNC = "/api/v1/applications/guestbook/sync";

  AppSyncStrategyTest() {
    super(Access.LOGGED_IN);
  }

  @BeforeEach
  void answerSync() {
    gateway.on("POST", SYNC, "{}");
  }

  private JsonNode sent(String... args) throws Exception {
    CliRunner.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    return OutputFormat.JSON_MAPPER.readTree(gateway.last("POST", SYNC).body());
  }

  @Test
  void theHookStrategyIsSentByDefaultAndNoRetryStrategy() throws Exception {
    JsonNode sent = sent("app", "sync", "guestbook", "--async");

    assertThat(sent.path("strategy").toString()).isEqualTo("{\"hook\":{}}");
    assertThat(sent.has("retryStrategy")).isFalse();
  }

  @Test
  void strategyForceAndRetriesAreSentAsArgocdSendsThem() throws Exception {
    JsonNode sent =
        sent(
            "app",
            "sync",
            "guestbook",
            "--async",
            "--strategy",
            "apply",
            "--force",
            "--retry-limit",
            "3",
            "--retry-backoff-duration",
            "10s",
            "--retry-backoff-factor",
            "3");

    assertThat(sent.path("strategy").toString()).isEqualTo("{\"apply\":{\"force\":true}}");
    assertThat(sent.path("retryStrategy").toString())
        .isEqualTo(
            "{\"limit\":3,\"backoff\":{\"duration\":\"10s\",\"maxDuration\":\"3m0s\","
                + "\"factor\":3}}");
    assertThat(sent("app", "sync", "guestbook", "--async", "--force").path("strategy").toString())
        .isEqualTo("{\"hook\":{\"force\":true}}");
  }

  @Test
  void anUnknownStrategyOrBadDurationIsBadUsageAndSyncsNothing() {
    CliRunner.Result strategy = cli.run("app", "sync", "guestbook", "--strategy", "replace");
    assertThat(strategy.exitCode()).isEqualTo(Main.USAGE);
    assertThat(strategy.err()).contains("unknown sync strategy 'replace': use apply or hook");

    CliRunner.Result duration =
        cli.run(
            "app", "sync", "guestbook", "--retry-limit", "2", "--retry-backoff-duration", "soon");
    assertThat(duration.exitCode()).isEqualTo(Main.USAGE);
    assertThat(duration.err()).contains("--retry-backoff-duration \"soon\" is not a duration");
    assertThat(gateway.requests()).noneMatch(r -> r.path().startsWith(SYNC));
  }
}
