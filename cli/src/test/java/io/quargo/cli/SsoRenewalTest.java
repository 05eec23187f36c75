package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * As argocd: after {@code quargo login --sso} stored the provider's refresh token, a command whose
 * stored ID token has expired, or whose call the gateway answers 401, redeems the refresh token at
 * the provider's token endpoint ({@code grant_type=refresh_token}, the CLI's client id), stores the
 * new tokens and sends the call once more with the new ID token.
 */
class SsoRenewalTest extends SsoCliTest {
  private static final String USERINFO = "/api/v1/session/userinfo";
  private static final String ALICE =
      "{\"loggedIn\":true,\"username\":\"alice@example.com\",\"iss\":\"dex\",\"groups\":[]}";
  private static final String REFUSED =
      "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
          + "\"detail\":\"the token is invalid, expired or revoked\"}";

  /** Logs in through the browser with ID tokens that expired five minutes ago. */
  private void logInWithAnExpiredIdToken() throws Exception {
    provider.idTokenLifetime(Duration.ofMinutes(-5));
    driver.logIn();
    provider.idTokenLifetime(Duration.ofHours(1));
  }

  private String stored() throws Exception {
    return Files.readString(config.resolve("config"));
  }

  private List<String> userInfoAuthorizations() {
    return gateway.requests().stream()
        .filter(r -> r.path().equals(USERINFO))
        .map(GatewayStandIn.Recorded::authorization)
        .toList();
  }

  private Map<String, String> lastTokenRequest() {
    return provider.tokenRequests().get(provider.tokenRequests().size() - 1);
  }

  @Test
  void anExpiredIdTokenIsRenewedBeforeTheCallAndBothNewTokensAreStored() throws Exception {
    logInWithAnExpiredIdToken();
    String expired = provider.issuedIdTokens().get(0);
    String firstRefresh = provider.issuedRefreshTokens().get(0);
    gateway.on("GET", USERINFO, ALICE);

    CliRunner.Result info = new CliRunner(config).run("account", "get-user-info");

    assertThat(info.exitCode()).as(info.err()).isEqualTo(Main.OK);
    assertThat(lastTokenRequest())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", firstRefresh)
        .containsEntry("client_id", "quargo-cli");
    String renewed = provider.issuedIdTokens().get(1);
    // the expired token was never sent
    assertThat(userInfoAuthorizations()).containsExactly("Bearer " + renewed);
    assertThat(stored())
        .contains(renewed)
        .contains(provider.issuedRefreshTokens().get(1))
        .doesNotContain(expired)
        .doesNotContain(firstRefresh);
  }

  @Test
  void aTokenTheGatewayRefusesIsRenewedOnceAndTheCallSentAgain() throws Exception {
    driver.logIn();
    String first = provider.issuedIdTokens().get(0);
    gateway.problemThen("GET", USERINFO, 401, REFUSED, ALICE);

    CliRunner.Result info = new CliRunner(config).run("account", "get-user-info");

    assertThat(info.exitCode()).as(info.err()).isEqualTo(Main.OK);
    String renewed = provider.issuedIdTokens().get(1);
    assertThat(userInfoAuthorizations()).containsExactly("Bearer " + first, "Bearer " + renewed);
    assertThat(lastTokenRequest()).containsEntry("grant_type", "refresh_token");
    assertThat(stored()).contains(renewed).doesNotContain(first);
  }

  @Test
  void aGatewayThatRefusesTheRenewedTokenTooFailsAfterOneRetry() throws Exception {
    driver.logIn();
    gateway.problem("GET", USERINFO, 401, REFUSED);

    CliRunner.Result info = new CliRunner(config).run("account", "get-user-info");

    assertThat(info.exitCode()).isEqualTo(Main.FAILED);
    assertThat(info.err()).contains("the token is invalid, expired or revoked");
    assertThat(userInfoAuthorizations()).hasSize(2);
    assertThat(provider.tokenRequests())
        .filteredOn(f -> "refresh_token".equals(f.get("grant_type")))
        .hasSize(1);
  }

  @Test
  void whenTheProviderGivesNoNewRefreshTokenTheOldOneStaysStored() throws Exception {
    provider.rotatesRefreshTokens(false);
    logInWithAnExpiredIdToken();
    String refresh = provider.issuedRefreshTokens().get(0);
    gateway.on("GET", USERINFO, ALICE);

    CliRunner.Result info = new CliRunner(config).run("account", "get-user-info");

    assertThat(info.exitCode()).as(info.err()).isEqualTo(Main.OK);
    assertThat(provider.issuedRefreshTokens()).hasSize(1);
    assertThat(stored()).contains(provider.issuedIdTokens().get(1)).contains(refresh);
  }

  @Test
  void aRefreshTokenTheProviderRefusesSaysToLogInAgainAndChangesNothing() throws Exception {
    logInWithAnExpiredIdToken();
    String before = stored();
    provider.revokeRefreshTokens();
    gateway.on("GET", USERINFO, ALICE);

    CliRunner.Result info = new CliRunner(config).run("account", "get-user-info");

    assertThat(info.exitCode()).isEqualTo(Main.FAILED);
    assertThat(info.err())
        .contains("SSO session of 'alice@example.com' has expired and cannot be renewed")
        .contains("invalid_grant")
        .contains("run quargo login --sso again");
    assertThat(stored()).isEqualTo(before);
    assertThat(userInfoAuthorizations()).isEmpty();
  }

  @Test
  void aTokenFromTheEnvironmentIsNeverRenewed() throws Exception {
    driver.logIn();
    int tokenRequests = provider.tokenRequests().size();
    gateway.problem("GET", USERINFO, 401, REFUSED);

    CliRunner.Result info =
        new CliRunner(
                Map.of(
                    "QUARGO_CONFIG_DIR",
                    config.toString(),
                    "QUARGO_AUTH_TOKEN",
                    "a-token-of-a-script"))
            .run("account", "get-user-info");

    assertThat(info.exitCode()).isEqualTo(Main.FAILED);
    assertThat(userInfoAuthorizations()).containsExactly("Bearer a-token-of-a-script");
    assertThat(provider.tokenRequests()).hasSize(tokenRequests);
  }
}
