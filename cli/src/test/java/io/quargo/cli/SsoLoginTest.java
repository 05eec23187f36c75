package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code quargo login --sso} against {@link GatewayStandIn} (the settings) and {@link
 * SsoTestProvider}: the CLI runs in a thread, and the test is the browser, following the printed
 * URL through the provider's redirect to the CLI's callback server.
 */
class SsoLoginTest {
  private static final Pattern PRINTED_URL = Pattern.compile("flow login: (\\S+)");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final GatewayStandIn gateway = new GatewayStandIn();
  private final SsoTestProvider provider = new SsoTestProvider();
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  @TempDir Path config;

  /** A {@code quargo} command running in its own thread, with what it printed so far. */
  private record Running(StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {
    /** The authorization URL, once printed. */
    URI url() {
      return await()
          .atMost(PATIENCE)
          .until(() -> printedUrl(out.toString()), Optional::isPresent)
          .get();
    }

    int exitCode() {
      await().atMost(PATIENCE).until(exit::isDone);
      return exit.join();
    }
  }

  @AfterEach
  void stop() {
    gateway.close();
    provider.close();
  }

  private void ssoSettings() {
    gateway.on(
        "GET",
        "/api/v1/settings",
        "{\"appLabelKey\":\"app.kubernetes.io/instance\",\"oidcConfig\":{\"name\":\"Test SSO\","
            + "\"issuer\":\""
            + provider.issuer()
            + "\",\"clientID\":\"quargo-ui\",\"cliClientID\":\"quargo-cli\","
            + "\"scopes\":[\"openid\",\"profile\",\"email\",\"groups\"]}}");
  }

  private Running start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(Map.of("QUARGO_CONFIG_DIR", config.toString()));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Running(out, err, CompletableFuture.supplyAsync(() -> commandLine.execute(args)));
  }

  private Running ssoLogin(String... more) {
    String[] base = {
      "login", gateway.address(), "--sso", "--sso-port", "0", "--sso-launch-browser=false"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return start(args);
  }

  /** The browser: opens the URL and follows the provider's redirect to the CLI's callback. */
  private HttpResponse<String> browse(URI url) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<URI> printedUrl(String out) {
    Matcher matcher = PRINTED_URL.matcher(out);
    return matcher.find() ? Optional.of(URI.create(matcher.group(1))) : Optional.empty();
  }

  @Test
  void theBrowserLoginStoresTheIdTokenAndLaterCommandsSendItAsBearer() throws Exception {
    ssoSettings();
    gateway.on(
        "GET",
        "/api/v1/session/userinfo",
        "{\"loggedIn\":true,\"username\":\"alice@example.com\",\"iss\":\"dex\",\"groups\":[]}");

    Running login = ssoLogin();
    URI url = login.url();
    HttpResponse<String> page = browse(url);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Authentication successful").contains("close this window");
    assertThat(login.exitCode()).as(login.err().toString()).isEqualTo(Main.OK);
    assertThat(login.out().toString())
        .contains("To authenticate, copy-and-paste")
        .contains("'alice@example.com' logged in successfully")
        .contains("Context '" + gateway.address() + "' updated");
    Map<String, String> asked = provider.authorizations.get(0);
    assertThat(asked)
        .containsEntry("client_id", "quargo-cli")
        .containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("scope", "openid profile email groups");
    assertThat(asked.get("redirect_uri")).matches("http://localhost:\\d+/auth/callback");
    assertThat(asked.get("state")).hasSizeGreaterThanOrEqualTo(24);
    assertThat(asked.get("nonce")).hasSizeGreaterThanOrEqualTo(24);
    Map<String, String> exchanged = provider.tokenRequests.get(0);
    assertThat(exchanged)
        .containsEntry("client_id", "quargo-cli")
        .doesNotContainKey("client_secret");
    assertThat(SsoTestProvider.s256(exchanged.get("code_verifier")))
        .isEqualTo(asked.get("code_challenge"));
    String idToken = provider.issued.get(0);
    assertThat(Files.readString(config.resolve("config")))
        .contains(idToken)
        .contains(SsoTestProvider.REFRESH_TOKEN);

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

    Running login = ssoLogin();
    assertThat(browse(login.url()).statusCode()).isEqualTo(200);

    assertThat(login.exitCode()).as(login.err().toString()).isEqualTo(Main.OK);
    assertThat(provider.authorizations.get(0))
        .containsEntry("client_id", "quargo-ui")
        .containsEntry("scope", "openid email");
  }

  @Test
  void aCallbackWithAnotherStateIsRefusedAndNothingIsStored() throws Exception {
    ssoSettings();
    provider.mode = SsoTestProvider.Mode.FORGES_STATE;

    Running login = ssoLogin();
    HttpResponse<String> page = browse(login.url());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Authentication failed").contains("Unknown state nonce");
    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err().toString()).contains("state is not the one this login sent");
    assertThat(provider.tokenRequests).isEmpty();
    assertThat(config.resolve("config")).doesNotExist();
  }

  @Test
  void anIdTokenWithAnotherNonceIsRefused() throws Exception {
    ssoSettings();
    provider.mode = SsoTestProvider.Mode.SWAPS_NONCE;

    Running login = ssoLogin();
    assertThat(browse(login.url()).statusCode()).isEqualTo(400);

    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err().toString()).contains("does not carry the nonce this login sent");
    assertThat(config.resolve("config")).doesNotExist();
  }

  @Test
  void theProvidersErrorIsPrinted() throws Exception {
    ssoSettings();
    provider.mode = SsoTestProvider.Mode.USER_DECLINES;

    Running login = ssoLogin();
    assertThat(browse(login.url()).statusCode()).isEqualTo(400);

    assertThat(login.exitCode()).isEqualTo(Main.FAILED);
    assertThat(login.err().toString())
        .contains("the SSO provider refused the login: access_denied: the user declined consent");
    assertThat(config.resolve("config")).doesNotExist();
  }

  @Test
  void aRefusalAtTheTokenEndpointIsPrinted() throws Exception {
    ssoSettings();
    provider.mode = SsoTestProvider.Mode.TOKEN_ENDPOINT_REFUSES;

    Running login = ssoLogin();
    HttpResponse<String> page = browse(login.url());

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
    assertThat(provider.authorizations).isEmpty();
  }

  @Test
  void noBrowserComingBackEndsTheLoginAfterTheTimeout() {
    ssoSettings();

    Running login = ssoLogin("--sso-timeout", "1s");

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
