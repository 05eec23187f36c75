package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code quargo account update-password} of the logged-in account: the change ends the account's
 * sessions, so the CLI logs in with the new password and stores the new token, as argocd does;
 * changing another account's password, or with a token from the environment, stores nothing.
 */
class AccountPasswordTest extends GatewayCliTest {
  AccountPasswordTest() {
    super(Access.CONFIG_ONLY);
  }

  private CliRunner.Result updatePassword(CliRunner cli, String... more) {
    String[] base = {
      "account", "update-password", "--current-password", "pw", "--new-password", "new-pw-123"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return cli.run(args);
  }

  private long logins() {
    return gateway.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/session"))
        .count();
  }

  @Test
  void changingTheOwnPasswordLogsInAgainAndStoresTheNewToken() throws Exception {
    CliRunner cli = CliRunner.loggedIn(config, gateway);
    gateway.on("PUT", "/api/v1/account/password", "{}");
    gateway.on("POST", "/api/v1/session", "{\"token\":\"after-the-change\"}");

    CliRunner.Result update = updatePassword(cli);

    assertThat(update.exitCode()).as(update.err()).isEqualTo(Main.OK);
    assertThat(update.out())
        .contains("Password updated")
        .contains("Context '" + gateway.address() + "' updated");
    JsonNode login =
        OutputFormat.JSON_MAPPER.readTree(gateway.last("POST", "/api/v1/session").body());
    assertThat(login.path("username").asText()).isEqualTo("admin");
    assertThat(login.path("password").asText()).isEqualTo("new-pw-123");
    assertThat(Files.readString(config.resolve("config")))
        .contains("after-the-change")
        .doesNotContain("t0k");
  }

  @Test
  void changingAnotherAccountsPasswordKeepsTheStoredSession() throws Exception {
    CliRunner cli = CliRunner.loggedIn(config, gateway);
    long loginsBefore = logins();
    gateway.on("PUT", "/api/v1/account/password", "{}");

    CliRunner.Result update = updatePassword(cli, "--account", "alice");

    assertThat(update.exitCode()).as(update.err()).isEqualTo(Main.OK);
    assertThat(update.out()).contains("Password updated").doesNotContain("Context");
    assertThat(logins()).isEqualTo(loginsBefore);
    assertThat(Files.readString(config.resolve("config"))).contains("t0k");
  }

  @Test
  void aTokenFromTheEnvironmentIsNotReplaced() {
    gateway.on("PUT", "/api/v1/account/password", "{}");

    CliRunner.Result update = updatePassword(CliRunner.withToken(config, gateway));

    assertThat(update.exitCode()).as(update.err()).isEqualTo(Main.OK);
    assertThat(logins()).isZero();
    assertThat(config.resolve("config")).doesNotExist();
  }
}
