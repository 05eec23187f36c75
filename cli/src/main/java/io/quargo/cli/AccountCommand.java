package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo account}: list and show accounts, change a password, ask what the caller may do,
 * generate and delete API tokens.
 */
@Command(
    name = "account",
    description = "Manage accounts.",
    subcommands = {
      AccountCommand.List.class,
      AccountCommand.Get.class,
      AccountCommand.UpdatePassword.class,
      AccountCommand.CanI.class,
      AccountCommand.GetUserInfo.class,
      AccountTokenCommands.GenerateToken.class,
      AccountTokenCommands.DeleteToken.class
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

    @Option(
        names = {"-o", "--output"},
        converter = OutputFormat.OrName.class,
        description = "wide, name, yaml or json; a table when absent.")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
      JsonNode accounts = Main.of(spec).connection().client().get("/api/v1/account");
      if (format.printStructured(spec.commandLine().getOut(), accounts)) {
        return Main.OK;
      }
      if (format == OutputFormat.NAME) {
        accounts
            .path("items")
            .forEach(a -> spec.commandLine().getOut().println(a.path("name").asText()));
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

  /**
   * As {@code argocd account get [-a NAME]}: one account (default: the caller's) and its tokens.
   */
  @Command(name = "get", description = "Show an account (default: the caller's).")
  static final class Get implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-a", "--account"},
        description = "The account (default: the caller's).")
    String account;

    @Option(
        names = {"-o", "--output"},
        converter = OutputFormat.OrName.class,
        description = "wide, name, yaml or json.")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      String name = account != null ? account : currentAccount(client);
      JsonNode found = client.get("/api/v1/account/" + GatewayClient.segment(name));
      var out = spec.commandLine().getOut();
      if (format.printStructured(out, found)) {
        return Main.OK;
      }
      if (format == OutputFormat.NAME) {
        out.println(name);
        return Main.OK;
      }
      java.util.List<String> capabilities = new ArrayList<>();
      found.path("capabilities").forEach(c -> capabilities.add(c.asText()));
      out.printf("%-20s%s%n", "Name:", name);
      out.printf("%-20s%s%n", "Enabled:", found.path("enabled").asBoolean());
      out.printf("%-20s%s%n", "Capabilities:", String.join(", ", capabilities));
      out.println();
      out.println("Tokens:");
      if (found.path("tokens").isEmpty()) {
        out.println("NONE");
      } else {
        OutputFormat.Table table = new OutputFormat.Table("ID", "ISSUED AT", "EXPIRING AT");
        found
            .path("tokens")
            .forEach(
                t ->
                    table.row(
                        t.path("id").asText(),
                        rfc3339(t.path("issuedAt").asLong()),
                        expiry(t.path("expiresAt").asLong(0))));
        table.print(out);
      }
      return Main.OK;
    }
  }

  /** The account the caller is logged in as, as argocd's commands default to. */
  static String currentAccount(GatewayClient client) {
    JsonNode info = client.get("/api/v1/session/userinfo");
    if (!info.path("loggedIn").asBoolean() || info.path("username").asText("").isEmpty()) {
      throw new CliException("not logged in: run `quargo login` or pass -a/--account");
    }
    return info.path("username").asText();
  }

  /** Epoch seconds as argocd prints them (RFC 3339, local time). */
  static String rfc3339(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond)
        .atZone(ZoneId.systemDefault())
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** A token's expiry as argocd prints it: never, the time, or the time and (expired). */
  static String expiry(long epochSecond) {
    if (epochSecond <= 0) {
      return "never";
    }
    boolean expired = Instant.ofEpochSecond(epochSecond).isBefore(Instant.now());
    return rfc3339(epochSecond) + (expired ? " (expired)" : "");
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
      Connection connection = Main.of(spec).connection();
      GatewayClient client = connection.client();
      client.put("/api/v1/account/password", body);
      spec.commandLine().getOut().println("Password updated");
      connection
          .storedLogin()
          .filter(login -> login.refreshToken() == null)
          .filter(login -> account == null || account.equals(login.username()))
          .ifPresent(login -> logInAgain(connection, client, login, body.path("newPassword")));
      return Main.OK;
    }

    /**
     * The change ended every session of the account, the stored one too: logs in with the new
     * password and stores the new token, as argocd does.
     */
    private void logInAgain(
        Connection connection, GatewayClient client, ConfigStore.Entry login, JsonNode password) {
      JsonNode answer =
          client.post(
              "/api/v1/session",
              Map.of("username", login.username(), "password", password.asText()));
      String token = answer.path("token").asText("");
      if (token.isBlank()) {
        throw new CliException(client.base() + " answered the login without a token");
      }
      connection
          .config()
          .write(new ConfigStore.Entry(login.server(), login.username(), token, login.plaintext()));
      spec.commandLine().getOut().println("Context '" + login.server() + "' updated");
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

    @Option(
        names = {"-o", "--output"},
        converter = UserInfoFormats.class,
        description = "yaml or json; plain lines when absent.")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
      JsonNode info = Main.of(spec).connection().client().get("/api/v1/session/userinfo");
      var out = spec.commandLine().getOut();
      if (format.printStructured(out, info)) {
        return Main.OK;
      }
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

  /** {@code get-user-info} prints YAML or JSON only, as argocd's. */
  static final class UserInfoFormats extends OutputFormat.Converter {
    UserInfoFormats() {
      super(OutputFormat.YAML, OutputFormat.JSON);
    }
  }
}
