package io.quargo.cli;

import static org.awaitility.Awaitility.await;

import io.quargo.testkit.oidc.OidcTestProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Drives {@code quargo login --sso} against a {@link GatewayStandIn} (the settings) and the
 * testkit's {@link OidcTestProvider}: the CLI runs in a thread, and the test is the browser,
 * following the printed URL through the provider's redirect to the CLI's callback server.
 */
final class SsoLoginDriver {
  private static final Pattern PRINTED_URL = Pattern.compile("flow login: (\\S+)");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** A {@code quargo} command running in its own thread, with what it printed so far. */
  record Running(StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {
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

  private final GatewayStandIn gateway;
  private final OidcTestProvider provider;
  private final Path config;
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  SsoLoginDriver(GatewayStandIn gateway, OidcTestProvider provider, Path config) {
    this.gateway = gateway;
    this.provider = provider;
    this.config = config;
  }

  /** The provider's only user is alice; the CLI's client and the UI's are both public here. */
  static OidcTestProvider provider() {
    return new OidcTestProvider(
        List.of(new OidcTestProvider.User("alice@example.com", List.of())),
        List.of(
            new OidcTestProvider.Client("quargo-cli", null),
            new OidcTestProvider.Client("quargo-ui", null)));
  }

  /** The gateway's settings name the provider, with the CLI's client id. */
  void ssoSettings() {
    gateway.on(
        "GET",
        "/api/v1/settings",
        "{\"appLabelKey\":\"app.kubernetes.io/instance\",\"oidcConfig\":{\"name\":\"Test SSO\","
            + "\"issuer\":\""
            + provider.issuer()
            + "\",\"clientID\":\"quargo-ui\",\"cliClientID\":\"quargo-cli\","
            + "\"scopes\":[\"openid\",\"profile\",\"email\",\"groups\"]}}");
  }

  Running start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(Map.of("QUARGO_CONFIG_DIR", config.toString()));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Running(out, err, CompletableFuture.supplyAsync(() -> commandLine.execute(args)));
  }

  /** Starts {@code quargo login --sso} on any free callback port, without a browser. */
  Running ssoLogin(String... more) {
    String[] base = {
      "login", gateway.address(), "--sso", "--sso-port", "0", "--sso-launch-browser=false"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return start(args);
  }

  /** The browser: opens the URL and follows the provider's redirect to the CLI's callback. */
  HttpResponse<String> browse(URI url) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A whole login through the browser; fails the test unless it succeeds. */
  void logIn() throws Exception {
    ssoSettings();
    Running login = ssoLogin();
    HttpResponse<String> page = browse(login.url());
    if (page.statusCode() != 200 || login.exitCode() != Main.OK) {
      throw new AssertionError("quargo login --sso failed: " + page.body() + " " + login.err());
    }
  }

  private static Optional<URI> printedUrl(String out) {
    Matcher matcher = PRINTED_URL.matcher(out);
    return matcher.find() ? Optional.of(URI.create(matcher.group(1))) : Optional.empty();
  }
}
