package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quargo login SERVER}: asks the gateway for a session token and stores it. */
@Command(
    name = "login",
    description = "Log in to an api-gateway and store its token in ~/.config/quargo/config.")
final class LoginCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVER", description = "HOST:PORT or a URL.")
  String server;

  @Option(names = "--username", description = "The account (default: admin).")
  String username;

  @Option(names = "--password", description = "Its password (prompted for when absent).")
  String password;

  @Override
  public Integer call() {
    Main main = Main.of(spec);
    ConfigStore config = main.connection().config();
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
