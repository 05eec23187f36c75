package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo login SERVER}: asks the gateway for a session token and stores it; with {@code
 * --sso}, gets an ID token from the server's SSO provider through the browser instead.
 */
@Command(
    name = "login",
    description = "Log in to an api-gateway and store its token in ~/.config/quargo/config.")
final class LoginCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVER", description = "HOST:PORT or a URL.")
  String server;

  @Option(names = "--username", description = "The account (default: admin).")
  String username;

  @Option(names = "--password", description = "Its password (prompted for when absent).")
  String password;

  @Option(
      names = "--sso",
      description = "Log in through the browser at the server's SSO provider (its oidcConfig).")
  boolean sso;

  @Option(
      names = "--sso-port",
      defaultValue = "8085",
      paramLabel = "PORT",
      description =
          "Port of the local callback server, http://localhost:PORT/auth/callback (default:"
              + " ${DEFAULT-VALUE}; 0: any free port).")
  int ssoPort;

  @Option(
      names = "--sso-launch-browser",
      arity = "0..1",
      paramLabel = "true|false",
      defaultValue = "true",
      fallbackValue = "true",
      description = "Open the system's browser at the login URL (default: ${DEFAULT-VALUE}).")
  boolean ssoLaunchBrowser;

  @Option(
      names = "--sso-timeout",
      defaultValue = "5m",
      paramLabel = "DURATION",
      description = "How long to wait for the browser to come back (default: ${DEFAULT-VALUE}).")
  String ssoTimeout;

  @Override
  public Integer call() {
    Main main = Main.of(spec);
    ConfigStore config = main.connection().config();
    if (sso) {
      return ssoLogin(main, config);
    }
    String user = username == null ? prompt("Username: ", false, "admin") : username;
    String secret = password == null ? prompt("Password: ", true, null) : password;
    boolean plaintext = main.plaintext || Connection.isLoopback(server);
    GatewayClient client = new GatewayClient(Connection.baseUri(server, plaintext), null);
    JsonNode answer = client.post("/api/v1/session", Map.of("username", user, "password", secret));
    String token = answer.path("token").asText("");
    if (token.isBlank()) {
      throw new CliException(client.base() + " answered the login without a token");
    }
    config.write(new ConfigStore.Entry(server, user, token, plaintext ? Boolean.TRUE : null));
    spec.commandLine().getOut().println("'" + user + "' logged in successfully");
    spec.commandLine().getOut().println("Context '" + server + "' updated");
    return Main.OK;
  }

  private Integer ssoLogin(Main main, ConfigStore config) {
    if (username != null || password != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--sso logs in through the browser: leave out --username and --password");
    }
    if (ssoPort < 0 || ssoPort > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--sso-port " + ssoPort + " is not a port (0-65535)");
    }
    boolean plaintext = main.plaintext || Connection.isLoopback(server);
    GatewayClient client = new GatewayClient(Connection.baseUri(server, plaintext), null);
    SsoLogin.Options options =
        new SsoLogin.Options(ssoPort, ssoLaunchBrowser, timeout(), ssoTimeout);
    PrintWriter out = spec.commandLine().getOut();
    SsoLogin.Result result = SsoLogin.run(client, options, out, spec.commandLine().getErr());
    config.write(
        new ConfigStore.Entry(
            server,
            result.user(),
            result.tokens().idToken(),
            plaintext ? Boolean.TRUE : null,
            result.tokens().refreshToken()));
    out.println("'" + result.user() + "' logged in successfully");
    out.println("Context '" + server + "' updated");
    return Main.OK;
  }

  /** {@code --sso-timeout} as Go writes durations: 90s, 5m, 1h30m, 500ms. */
  private Duration timeout() {
    Matcher matcher = DURATION.matcher(ssoTimeout);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long n = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
      end = matcher.end();
    }
    if (end == 0 || end != ssoTimeout.length() || total.isZero()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--sso-timeout \"" + ssoTimeout + "\" is not a duration like 90s, 5m or 1h30m");
    }
    return total;
  }

  /** Reads from the console, or fails naming the flag when there is none. */
  private static String prompt(String label, boolean secret, String otherwise) {
    if (otherwise != null) {
      return otherwise;
    }
    Console console = System.console();
    if (console == null) {
      throw new CliException("no console to ask for the password: pass --password");
    }
    return secret ? new String(console.readPassword(label)) : console.readLine(label);
  }
}
