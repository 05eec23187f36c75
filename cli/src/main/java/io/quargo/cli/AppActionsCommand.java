package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo app actions list|run}, as argocd's: the resource actions of the app's resources of
 * {@code --kind} (all of them, or the one {@code --resource-name} names), and running one.
 */
@Command(
    name = "actions",
    description = "List or run the actions of an application's resources.",
    subcommands = {AppActionsCommand.ListActions.class, AppActionsCommand.RunAction.class})
final class AppActionsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Which resources of the app: {@code --kind} and the optional narrowing flags. */
  static final class Target {
    @Option(names = "--kind", required = true, description = "Kind, e.g. Deployment.")
    String kind;

    @Option(names = "--group", description = "API group, e.g. apps (default: any).")
    String group;

    @Option(names = "--resource-name", description = "Name of the resource (default: all).")
    String resourceName;

    @Option(names = "--namespace", description = "Namespace of the resource (default: any).")
    String namespace;

    /** The app's tree nodes this target names. */
    List<JsonNode> nodes(GatewayClient client, String app) {
      List<JsonNode> matching = new ArrayList<>();
      for (JsonNode node : client.get(AppCommand.path(app, "/resource-tree")).path("nodes")) {
        if (node.path("kind").asText().equals(kind)
            && (group == null || node.path("group").asText("").equals(group))
            && (namespace == null || node.path("namespace").asText("").equals(namespace))
            && (resourceName == null || node.path("name").asText().equals(resourceName))) {
          matching.add(node);
        }
      }
      if (matching.isEmpty()) {
        throw new CliException(
            "no " + kind + (resourceName == null ? "" : " " + resourceName) + " in " + app);
      }
      return matching;
    }

    static String query(JsonNode node) {
      StringBuilder q = new StringBuilder("/resource/actions");
      char sep = '?';
      for (Map.Entry<String, String> e :
          Map.of(
                  "namespace", node.path("namespace").asText(""),
                  "resourceName", node.path("name").asText(),
                  "version", node.path("version").asText(""),
                  "group", node.path("group").asText(""),
                  "kind", node.path("kind").asText())
              .entrySet()
              .stream()
              .sorted(Map.Entry.comparingByKey())
              .toList()) {
        q.append(sep).append(e.getKey()).append('=').append(GatewayClient.segment(e.getValue()));
        sep = '&';
      }
      return q.toString();
    }
  }

  /** {@code quargo app actions list APP --kind K}: GROUP KIND NAME ACTION DISABLED. */
  @Command(name = "list", description = "List the actions of an application's resources.")
  static final class ListActions implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "APP")
    String app;

    @Mixin Target target;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"GROUP", "KIND", "NAME", "ACTION", "DISABLED"});
      for (JsonNode node : target.nodes(client, app)) {
        JsonNode actions = client.get(AppCommand.path(app, Target.query(node))).path("actions");
        for (JsonNode action : actions) {
          rows.add(
              new String[] {
                node.path("group").asText(""),
                node.path("kind").asText(),
                node.path("name").asText(),
                action.path("name").asText(),
                String.valueOf(action.path("disabled").asBoolean())
              });
        }
      }
      print(spec.commandLine().getOut(), rows);
      return Main.OK;
    }

    private static void print(PrintWriter out, List<String[]> rows) {
      int[] widths = new int[rows.get(0).length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          line.append(
              i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }

  /** {@code quargo app actions run APP ACTION --kind K}: runs it on every matching resource. */
  @Command(name = "run", description = "Run an action on an application's resources.")
  static final class RunAction implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "APP")
    String app;

    @Parameters(index = "1", paramLabel = "ACTION")
    String action;

    @Mixin Target target;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      for (JsonNode node : target.nodes(client, app)) {
        client.post(AppCommand.path(app, Target.query(node)), Map.of("action", action));
      }
      return Main.OK;
    }
  }
}
