package io.quargo.cli;

import static io.quargo.cli.GatewayStandIn.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * argocd's {@code app sync --retry-refresh} (the SyncRequest's {@code retryStrategy.refresh}) and
 * {@code app set --sync-retry-refresh} (the app's {@code spec.syncPolicy.retry.refresh}): a retry
 * syncs the latest revision instead of the one first resolved.
 */
class AppRetryRefreshFlagsTest extends GatewayCliTest {
  private static final String APP = "/api/v1/applications/guestbook";
  private static final String SYNC = APP + "/sync";

  AppRetryRefreshFlagsTest() {
    super(Access.LOGGED_IN);
  }

  @BeforeEach
  void answerSync() {
    gateway.on("POST", SYNC, "{}");
  }

  @Test
  void syncSendsRefreshInTheRetryStrategy() throws Exception {
    CliRunner.Result result =
        cli.run("app", "sync", "guestbook", "--async", "--retry-limit", "2", "--retry-refresh");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    JsonNode retry = json(gateway.last("POST", SYNC).body()).path("retryStrategy");
    assertThat(retry.path("limit").asLong()).isEqualTo(2);
    assertThat(retry.path("refresh").asBoolean()).isTrue();

    cli.run("app", "sync", "guestbook", "--async", "--retry-limit", "2");
    assertThat(json(gateway.last("POST", SYNC).body()).path("retryStrategy").has("refresh"))
        .as("not sent unless asked")
        .isFalse();
  }

  @Test
  void syncRefreshWithoutRetriesIsBadUsageAndSyncsNothing() {
    CliRunner.Result result = cli.run("app", "sync", "guestbook", "--retry-refresh");

    assertThat(result.exitCode()).isEqualTo(Main.USAGE);
    assertThat(result.err()).contains("--retry-refresh needs --retry-limit");
    assertThat(gateway.requests()).noneMatch(r -> r.path().startsWith(SYNC));
  }

  @Test
  void setTurnsTheAppsRetryRefreshOnAndOff() throws Exception {
    ObjectNode app = (ObjectNode) json(resource("guestbook.json"));
    ObjectNode retry =
        ((ObjectNode) app.path("spec")).putObject("syncPolicy").putObject("retry").put("limit", 4);
    gateway.on("GET", APP, app.toString());
    gateway.on("PUT", APP, "{}");

    CliRunner.Result on = cli.run("app", "set", "guestbook", "--sync-retry-refresh");
    assertThat(on.exitCode()).as(on.err()).isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("PUT", APP).body()).at("/spec/syncPolicy/retry");
    assertThat(sent.path("refresh").asBoolean()).isTrue();
    assertThat(sent.path("limit").asLong()).as("the rest of the policy stays").isEqualTo(4);

    retry.put("refresh", true);
    gateway.on("GET", APP, app.toString());
    CliRunner.Result off = cli.run("app", "set", "guestbook", "--sync-retry-refresh=false");
    assertThat(off.exitCode()).as(off.err()).isEqualTo(Main.OK);
    assertThat(json(gateway.last("PUT", APP).body()).at("/spec/syncPolicy/retry").has("refresh"))
        .isFalse();
  }

  @Test
  void setRefreshOnAnAppWithoutRetriesNeedsALimit() throws Exception {
    gateway.on("GET", APP, resource("guestbook.json"));
    gateway.on("PUT", APP, "{}");

    CliRunner.Result refused = cli.run("app", "set", "guestbook", "--sync-retry-refresh");
    assertThat(refused.exitCode()).isEqualTo(Main.USAGE);
    assertThat(refused.err()).contains("--sync-retry-refresh flags need --sync-retry-limit");
    assertThat(gateway.requests()).noneMatch(r -> r.method().equals("PUT"));

    CliRunner.Result created =
        cli.run("app", "set", "guestbook", "--sync-retry-limit", "1", "--sync-retry-refresh");
    assertThat(created.exitCode()).as(created.err()).isEqualTo(Main.OK);
    assertThat(
            json(gateway.last("PUT", APP).body()).at("/spec/syncPolicy/retry/refresh").asBoolean())
        .isTrue();
  }
}
