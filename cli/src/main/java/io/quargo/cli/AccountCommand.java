package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quargo account}: list accounts, change a password, ask what the caller may do. */
@Command(
    name = "account",
    description = "Manage accounts.",
    subcommands = {
      AccountCommand.List.class,
      AccountCommand.UpdatePassword.class,
      AccountCommand.CanI.class,
      AccountCommand.GetUserInfo.class
    })
final class AccountCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  @Command(name = "list", description = "List accounts.")
  static final class List implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode accounts = Main.of(spec).connection().client().get("/api/v1/account");
      if (output.printStructured(spec.commandLine().getOut(), accounts)) {
        return Main.OK;
      }
      OutputFormat.Table table = new OutputFormat.Table("NAME", "ENABLED", "CAPABILITIES");
      for (JsonNode account : accounts.path("items")) {
        java.util.List<String> capabilities = new ArrayList<>();
        account.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        table.row(
            account.path("name").asText(),
            account.path("enabled").asBoolean(),
            String.join(", ", capabilities));
      }
      table.print(spec.commandLine().getOut());
      return Main.OK;
    }
  }

  @Command(name = "update-password", description = "Change an account's password.")
  static final class UpdatePassword implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--account", description = "Whose password (default: the caller's).")
    String account;

    @Option(names = "--current-password", description = "The caller's current password.")
    String currentPassword;

    @Option(names = "--new-password", description = "The new password.")
    String newPassword;

    @Override
    public Integer call() {
      ObjectNode body = OutputFormat.JSON_MAPPER.createObjectNode();
      body.put("currentPassword", orPrompt(currentPassword, "current-password"));
      body.put("newPassword", orPrompt(newPassword, "new-password"));
      if (account != null) {
        body.put("name", account);
      }
      Main.of(spec).connection().client().put("/api/v1/account/password", body);
      spec.commandLine().getOut().println("Password updated");
      return Main.OK;
    }

    private static String orPrompt(String value, String flag) {
      if (value != null) {
        return value;
      }
      Console console = System.console();
      if (console == null) {
        throw new CliException("no console to ask for the password: pass --" + flag);
      }
      return new String(console.readPassword("*** Enter " + flag.replace('-', ' ') + ": "));
    }
  }

  /** As {@code argocd account can-i ACTION RESOURCE SUBRESOURCE}: prints yes or no. */
  @Command(name = "can-i", description = "Can I do ACTION on RESOURCE's SUBRESOURCE? (yes/no)")
  static final class CanI implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "get, create, sync, ...")
    String action;

    @Parameters(index = "1", paramLabel = "RESOURCE", description = "applications, projects, ...")
    String resource;

    @Parameters(index = "2", paramLabel = "SUBRESOURCE", description = "e.g. 'default/*'.")
    String subresource;

    @Override
    public Integer call() {
      StringBuilder path =
          new StringBuilder("/api/v1/account/can-i/")
              .append(GatewayClient.segment(resource))
              .append('/')
              .append(GatewayClient.segment(action));
      for (String part : subresource.split("/", -1)) {
        path.append('/').append(GatewayClient.segment(part));
      }
      JsonNode answer = Main.of(spec).connection().client().get(path.toString());
      spec.commandLine().getOut().println(answer.path("value").asText("no"));
      return Main.OK;
    }
  }

  @Command(name = "get-user-info", description = "Who am I logged in as?")
  static final class GetUserInfo implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      JsonNode info = Main.of(spec).connection().client().get("/api/v1/session/userinfo");
      var out = spec.commandLine().getOut();
      out.println("Logged In: " + info.path("loggedIn").asBoolean());
      if (info.path("loggedIn").asBoolean()) {
        out.println("Username: " + info.path("username").asText());
        out.println("Issuer: " + info.path("iss").asText());
        java.util.List<String> groups = new ArrayList<>();
        info.path("groups").forEach(g -> groups.add(g.asText()));
        out.println("Groups: " + String.join(",", groups));
      }
      return Main.OK;
    }
  }
}
