package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo proj role}: project roles ({@link ProjRoleEdits} changes them); {@code
 * create-token} issues an automation token.
 */
@Command(
    name = "role",
    description = "Manage project roles.",
    subcommands = {
      ProjRoleEdits.List.class,
      ProjRoleEdits.Get.class,
      ProjRoleEdits.Create.class,
      ProjRoleEdits.Delete.class,
      ProjRoleEdits.AddPolicy.class,
      ProjRoleEdits.RemovePolicy.class,
      ProjRoleEdits.AddGroup.class,
      ProjRoleEdits.RemoveGroup.class,
      ProjRoleCommand.CreateToken.class
    })
final class ProjRoleCommand implements Runnable {
  private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** A Go-style duration ({@code 0}, {@code 90s}, {@code 1h30m}, {@code 7d}) in seconds. */
  static long seconds(String text, CommandLine commandLine) {
    if (text.equals("0")) {
      return 0;
    }
    Matcher matcher = DURATION.matcher(text);
    long total = 0;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long n = Long.parseLong(matcher.group(1));
      total +=
          switch (matcher.group(2)) {
            case "s" -> n;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n * 86400;
          };
      end = matcher.end();
    }
    if (end == 0 || end != text.length()) {
      throw new CommandLine.ParameterException(
          commandLine, "--expires-in \"" + text + "\" is not a duration like 0, 90s, 24h or 7d");
    }
    return total;
  }

  @Command(name = "create-token", description = "Create a token for a project role.")
  static final class CreateToken implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "1", paramLabel = "ROLE")
    String role;

    @Option(
        names = {"-e", "--expires-in"},
        defaultValue = "0",
        description = "Lifetime, e.g. 24h or 7d (0, the default: never expires).")
    String expiresIn;

    @Option(
        names = {"-i", "--id"},
        description = "The token's id (default: generated).")
    String id;

    @Option(
        names = {"-t", "--token-only"},
        description = "Print only the token.")
    boolean tokenOnly;

    @Override
    public Integer call() {
      ObjectNode body = OutputFormat.JSON_MAPPER.createObjectNode();
      body.put("expiresIn", seconds(expiresIn, spec.commandLine()));
      if (id != null) {
        body.put("id", id);
      }
      String path = ProjCommand.path(project) + "/roles/" + GatewayClient.segment(role) + "/token";
      JsonNode answer = Main.of(spec).connection().client().post(path, body);
      PrintWriter out = spec.commandLine().getOut();
      String token = answer.path("token").asText("");
      if (tokenOnly) {
        out.println(token);
        return Main.OK;
      }
      out.println("Create token succeeded for proj:" + project + ":" + role + ".");
      if (answer.has("id")) {
        out.println("  ID: " + answer.path("id").asText());
      }
      out.println("  Expires In: " + (expiresIn.equals("0") ? "Never" : expiresIn));
      out.println("  Token: " + token);
      return Main.OK;
    }
  }
}
