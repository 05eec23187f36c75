package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.testkit.oidc.FormFields;
import io.quargo.testkit.oidc.OidcTestProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code quargo login --sso} against {@link GatewayStandIn} (the settings) and the testkit's {@link
 * OidcTestProvider}, driven by {@link SsoLoginDriver} (the test is the browser).
 */
class SsoLoginTest extends SsoCliTest {
  @Test
  void theBrowserLoginStoresTheIdTokenAndLaterCommandsSendItAsBearer() throws Exception {
    driver.ssoSettings();
    gateway.on(
        "GET",
        "/api/v1/session/userinfo",
        "{\"loggedIn\":true,\"username\":\"alice@example.com\",\"iss\":\"dex\",\"groups\":[]}");

    SsoLoginDriver.Running login = driver.ssoLogin();
    URI url = login.url();
    HttpResponse<String> page = driver.browse(url);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Authentication successful").contains("close this window");
    assertThat(login.exitCode()).as(login.err().toString()).isEqualTo(Main.OK);
    assertThat(login.out().toString())
        .contains("To authenticate, copy-and-paste")
        .contains("'alice@example.com' logged in successfully")
        .contains("Context '" + gateway.address() + "' updated");
    Map<String, String> asked = provider.authorizations().get(0);
    assertThat(asked)
        .containsEntry("client_id", "quargo-cli")
        .containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("scope", "openid profile email groups");
    assertThat(asked.get("redirect_uri")).matches("http://localhost:\\d+/auth/callback");
    assertThat(asked.get("state")).hasSizeGreaterThanOrEqualTo(24);
    assertThat(asked.get("nonce")).hasSizeGreaterThanOrEqualTo(24);
    Map<String, String> exchanged = provider.tokenRequests().get(0);
    assertThat(exchanged)
        .containsEntry("client_id", "quargo-cli")
        .doesNotContainKey("client_secret");
    assertThat(FormFields.s256(exchanged.get("code_verifier")))
        .isEqualTo(asked.get("code_challenge"));
    String idToken = provider.issuedIdTokens().get(0);
    assertThat(Files.readString(config.resolve("config")))
        .contains(idToken)
        .contains(provider.issuedRefreshTokens().get(0));

    CliRunner.Result info = new CliRunner(config).run("account", "get-user-info");
    assertThat(info.exitCode()).as(info.err()).isEqualTo(Main.OK);
    assertThat(gateway.last("GET", "/api/v1/session/userinfo").authorization())
        .isEqualTo("Bearer " + idToken);
  }

  @Test
  void theClientIdIsUsedWhenTheServerNamesNoCliClientId() throws Exception {
    gateway.on(
        "GET",
        "/api/v1/settings",
        "{\"oidcConfig\":{\"name\":\"Test SSO\",\"issuer\":\""
            + provider.issuer()
            + "\",\"clientID\":\"quargo-ui\",\"scopes\":[\"email\"]}}");

    SsoLoginDriver.Running login = driver.ssoLogin();
    assertThat(driver.browse(login.url()).statusCode()).isEqualTo(200);

    assertThat(login.exitCode()).as(login.err().toString()).isEqualTo(Main.OK);
    assertThat(provider.authorizations().get(0))
        .containsEntry("client_id", "quargo-ui")
        .containsEntry("scope", "openid email");
  }

  @Test
  void aCallbackWithAnotherStateIsRefusedAndNothingIsStored() throws Exception {
    driver.ssoSettings();
    provider.mode(OidcTestProvider.Mode.FORGES_STATE);

    SsoLoginDriver.Running login = driver.ssoLogin();
    HttpResponse<String> page = driver.browse(login.url());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Authentication failed").contains("Unknown state nonce");
    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err().toString()).contains("state is not the one this login sent");
    assertThat(provider.tokenRequests()).isEmpty();
    assertThat(config.resolve("config")).doesNotExist();
  }

  @Test
  void anIdTokenWithAnotherNonceIsRefused() throws Exception {
    driver.ssoSettings();
    provider.nonceOverride("another-nonce");

    SsoLoginDriver.Running login = driver.ssoLogin();
    assertThat(driver.browse(login.url()).statusCode()).isEqualTo(400);

    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err().toString()).contains("does not carry the nonce this login sent");
    assertThat(config.resolve("config")).doesNotExist();
  }

  @Test
  void theProvidersErrorIsPrinted() throws Exception {
    driver.ssoSettings();
    provider.mode(OidcTestProvider.Mode.USER_DECLINES);

    SsoLoginDriver.Running login = driver.ssoLogin();
    assertThat(driver.browse(login.url()).statusCode()).isEqualTo(400);

    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err().toString())
        .contains(
            "the SSO provider refused the login: access_denied:"
                + " The user alice@example.com declined the consent");
    assertThat(config.resolve("config")).doesNotExist();
  }

  @Test
  void aRefusalAtTheTokenEndpointIsPrinted() throws Exception {
    driver.ssoSettings();
    provider.mode(OidcTestProvider.Mode.TOKEN_ENDPOINT_REFUSES);

    SsoLoginDriver.Running login = driver.ssoLogin();
    HttpResponse<String> page = driver.browse(login.url());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err().toString())
        .contains("token endpoint")
        .contains("invalid_grant: the code has expired");
    assertThat(config.resolve("config")).doesNotExist();
  }

  @Test
  void aServerWithoutSsoIsNamed() {
    gateway.on("GET", "/api/v1/settings", "{\"appLabelKey\":\"app.kubernetes.io/instance\"}");

    CliRunner.Result login =
        new CliRunner(config)
            .run("login", gateway.address(), "--sso", "--sso-launch-browser=false");

    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err()).contains("the server has no SSO configured");
    assertThat(provider.authorizations()).isEmpty();
  }

  @Test
  void noBrowserComingBackEndsTheLoginAfterTheTimeout() {
    driver.ssoSettings();

    SsoLoginDriver.Running login = driver.ssoLogin("--sso-timeout", "1s");

    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err().toString()).contains("did not come back").contains("within 1s");
    assertThat(config.resolve("config")).doesNotExist();
  }

  @Test
  void ssoWithAPasswordOrABadTimeoutIsAUsageError() {
    CliRunner cli = new CliRunner(config);

    assertThat(cli.run("login", gateway.address(), "--sso", "--password", "pw").exitCode())
        .isEqualTo(Main.USAGE);
    assertThat(cli.run("login", gateway.address(), "--sso", "--sso-timeout", "soon").exitCode())
        .isEqualTo(Main.USAGE);
    assertThat(gateway.requests()).isEmpty();
  }
}
