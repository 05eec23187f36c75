package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** account generate-token, delete-token and the tokens account get shows. */
class AccountTokenCommandsTest extends GatewayCliTest {
  AccountTokenCommandsTest() {
    super(Access.TOKEN);
  }

  @BeforeEach
  void server() {
    gateway.on(
        "GET",
        "/api/v1/session/userinfo",
        "{\"loggedIn\":true,\"username\":\"alice\",\"iss\":\"quargo\",\"groups\":[]}");
  }

  @Test
  void generateTokenPostsForTheCallersAccountAndPrintsOnlyTheToken() throws Exception {
    gateway.on("POST", "/api/v1/account/alice/token", "{\"token\":\"eyJ.alice.sig\"}");

    CliRunner.Result result = cli.run("account", "generate-token");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).isEqualTo("eyJ.alice.sig\n");
    JsonNode sent = json(gateway.last("POST", "/api/v1/account/alice/token").body());
    assertThat(sent.path("expiresIn").asLong()).isZero();
    assertThat(sent.has("id")).isFalse();
  }

  @Test
  void generateTokenForAnotherAccountWithExpiryAndId() throws Exception {
    gateway.on("POST", "/api/v1/account/ci/token", "{\"token\":\"eyJ.ci.sig\"}");

    CliRunner.Result result =
        cli.run("account", "generate-token", "-a", "ci", "-e", "24h", "--id", "nightly");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).isEqualTo("eyJ.ci.sig\n");
    JsonNode sent = json(gateway.last("POST", "/api/v1/account/ci/token").body());
    assertThat(sent.path("expiresIn").asLong()).isEqualTo(86_400);
    assertThat(sent.path("id").asText()).isEqualTo("nightly");
    assertThat(cli.run("account", "generate-token", "-e", "soon").exitCode()).isEqualTo(Main.USAGE);
  }

  @Test
  void generateTokenShowsTheGatewaysRefusal() {
    gateway.problem(
        "POST",
        "/api/v1/account/reader/token",
        400,
        "{\"status\":400,\"title\":\"Bad Request\","
            + "\"detail\":\"account reader does not have the apiKey capability\"}");

    CliRunner.Result result = cli.run("account", "generate-token", "--account", "reader");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err()).contains("does not have the apiKey capability");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void deleteTokenDeletesByIdForTheCallerOrTheNamedAccount() {
    gateway.on("DELETE", "/api/v1/account/alice/token/nightly", "{}");
    gateway.on("DELETE", "/api/v1/account/ci/token/a%20b", "{}");

    CliRunner.Result mine = cli.run("account", "delete-token", "nightly");
    CliRunner.Result theirs = cli.run("account", "delete-token", "-a", "ci", "a b");

    assertThat(mine.exitCode()).as(mine.err()).isEqualTo(Main.OK);
    assertThat(theirs.exitCode()).as(theirs.err()).isEqualTo(Main.OK);
    gateway.last("DELETE", "/api/v1/account/alice/token/nightly");
    gateway.last("DELETE", "/api/v1/account/ci/token/a%20b");
    assertThat(cli.run("account", "delete-token").exitCode()).isEqualTo(Main.USAGE);
  }

  @Test
  void accountGetListsTokensAsArgocdDoes() {
    long issued = 1_700_000_000L;
    long past = 1_700_003_600L;
    long future = Instant.now().plusSeconds(86_400).getEpochSecond();
    gateway.on(
        "GET",
        "/api/v1/account/ci",
        ("{\"name\":\"ci\",\"enabled\":true,\"capabilities\":[\"apiKey\"],\"tokens\":["
                + "{\"id\":\"forever\",\"issuedAt\":%d},"
                + "{\"id\":\"old\",\"issuedAt\":%d,\"expiresAt\":%d},"
                + "{\"id\":\"fresh\",\"issuedAt\":%d,\"expiresAt\":%d}]}")
            .formatted(issued, issued, past, issued, future));

    CliRunner.Result result = cli.run("account", "get", "-a", "ci");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out())
        .containsPattern("ID +ISSUED AT +EXPIRING AT")
        .containsPattern("forever +" + AccountCommand.rfc3339(issued) + " +never")
        .containsPattern("old +\\S+ +" + AccountCommand.rfc3339(past) + " \\(expired\\)")
        .containsPattern("fresh +\\S+ +" + AccountCommand.rfc3339(future) + "\n");
    assertThat(gateway.requests()).noneMatch(r -> r.path().equals("/api/v1/account"));
  }
}
