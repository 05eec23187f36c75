package io.quargo.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code quargo logout}: ends the session at the gateway and forgets the stored token. */
@Command(name = "logout", description = "Log out: revoke the session and remove the stored token.")
final class LogoutCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CONTEXT",
      description = "The server logged in to, as login was given it (default: the current one).")
  String context;

  @Override
  public Integer call() {
    Connection connection = Main.of(spec).connection();
    ConfigStore.Entry stored =
        connection
            .config()
            .read()
            .orElseThrow(() -> new CliException("not logged in: there is nothing to log out of"));
    if (context != null && !context.equals(stored.server())) {
      throw new CliException(
          "context '" + context + "' does not exist; logged in to '" + stored.server() + "'");
    }
    try {
      connection.client().delete("/api/v1/session");
    } catch (GatewayException | CliException e) {
      spec.commandLine()
          .getErr()
          .println("warning: the gateway did not end the session (" + e.getMessage() + ")");
    }
    connection
        .config()
        .write(new ConfigStore.Entry(stored.server(), stored.username(), null, stored.plaintext()));
    spec.commandLine().getOut().println("Logged out from '" + stored.server() + "'");
    return Main.OK;
  }
}
