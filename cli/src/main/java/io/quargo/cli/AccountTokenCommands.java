package io.quargo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quargo account generate-token / delete-token}: an account's API tokens, as argocd's. */
final class AccountTokenCommands {

  private AccountTokenCommands() {}

  /**
   * As {@code argocd account generate-token [-a NAME] [-e EXPIRES] [--id ID]}: prints the token,
   * for the caller's account unless {@code -a} names another (which needs accounts update).
   */
  @Command(name = "generate-token", description = "Generate an API token for an account.")
  static final class GenerateToken implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-a", "--account"},
        description = "The account (default: the caller's).")
    String account;

    @Option(
        names = {"-e", "--expires-in"},
        defaultValue = "0s",
        description = "Lifetime, e.g. 24h or 7d (0s, the default: never expires).")
    String expiresIn;

    @Option(names = "--id", description = "The token's id (default: a generated UUID).")
    String id;

    @Override
    public Integer call() {
      long seconds = ProjRoleCommand.seconds(expiresIn, spec.commandLine());
      GatewayClient client = Main.of(spec).connection().client();
      String name = account != null ? account : AccountCommand.currentAccount(client);
      ObjectNode body = OutputFormat.JSON_MAPPER.createObjectNode();
      body.put("expiresIn", seconds);
      if (id != null) {
        body.put("id", id);
      }
      String path = "/api/v1/account/" + GatewayClient.segment(name) + "/token";
      spec.commandLine().getOut().println(client.post(path, body).path("token").asText(""));
      return Main.OK;
    }
  }

  /** As {@code argocd account delete-token [-a NAME] ID}: the token is refused from then on. */
  @Command(name = "delete-token", description = "Delete an account's API token.")
  static final class DeleteToken implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-a", "--account"},
        description = "The account (default: the caller's).")
    String account;

    @Parameters(index = "0", paramLabel = "ID", description = "The token's id (account get).")
    String id;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      String name = account != null ? account : AccountCommand.currentAccount(client);
      client.delete(
          "/api/v1/account/" + GatewayClient.segment(name) + "/token/" + GatewayClient.segment(id));
      return Main.OK;
    }
  }
}
