package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quargo app}: the application commands; the simple ones live here as nested classes. */
@Command(
    name = "app",
    description = "Manage applications.",
    subcommands = {
      AppListCommand.class,
      AppGetCommand.class,
      AppCreateCommand.class,
      AppSetCommand.class,
      AppUnsetCommand.class,
      AppDeleteCommand.class,
      AppSyncCommand.class,
      AppWaitCommand.class,
      AppCommand.History.class,
      AppCommand.Rollback.class,
      AppDiffCommand.class,
      AppManifestsCommand.class,
      AppPatchResourceCommand.class,
      AppDeleteResourceCommand.class,
      AppActionsCommand.class
    })
final class AppCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /**
   * {@code /api/v1/applications/NAME} plus {@code suffix} (a sub-path and/or a query); a qualified
   * {@code NAMESPACE/NAME}, as {@code app list -o name} prints it, adds {@code appNamespace}.
   */
  static String path(String name, String suffix) {
    int slash = name.indexOf('/');
    String path = "/api/v1/applications/" + GatewayClient.segment(name.substring(slash + 1));
    if (slash < 0) {
      return path + suffix;
    }
    String namespace = "appNamespace=" + GatewayClient.segment(name.substring(0, slash));
    return path + suffix + (suffix.contains("?") ? "&" : "?") + namespace;
  }

  /** The name without the namespace a qualified {@code NAMESPACE/NAME} starts with. */
  static String bareName(String name) {
    return name.substring(name.indexOf('/') + 1);
  }

  /** The text at a dotted path of {@code node}, or {@code ""}. */
  static String text(JsonNode node, String dotted) {
    JsonNode at = node;
    for (String field : dotted.split("\\.")) {
      at = at.path(field);
    }
    return at.isValueNode() ? at.asText() : "";
  }

  static String syncPolicy(JsonNode app) {
    JsonNode automated = app.path("spec").path("syncPolicy").path("automated");
    if (automated.isMissingNode() || automated.isNull()) {
      return "Manual";
    }
    StringBuilder policy = new StringBuilder("Auto");
    if (automated.path("prune").asBoolean()) {
      policy.append("-Prune");
    }
    return policy.toString();
  }

  static String cluster(JsonNode app) {
    String server = text(app, "spec.destination.server");
    return server.isEmpty() ? text(app, "spec.destination.name") : server;
  }

  /** The app's full name as argocd prints it: {@code namespace/name} when namespaced. */
  static String fullName(JsonNode app) {
    String namespace = text(app, "metadata.namespace");
    String name = text(app, "metadata.name");
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  @Command(name = "history", description = "Show an application's deployment history.")
  static final class History implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = {"-o", "--output"},
        converter = OutputFormat.OrId.class,
        description = "wide, id, yaml or json; a table when absent.")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
      JsonNode app = Main.of(spec).connection().client().get(path(name, ""));
      JsonNode history = app.path("status").path("history");
      PrintWriter out = spec.commandLine().getOut();
      if (format.printStructured(
          out, history.isArray() ? history : OutputFormat.JSON_MAPPER.createArrayNode())) {
        return Main.OK;
      }
      if (format == OutputFormat.ID) {
        history.forEach(entry -> out.println(entry.path("id").asText()));
        return Main.OK;
      }
      OutputFormat.Table table = new OutputFormat.Table("ID", "DATE", "REVISION", "SOURCE");
      for (JsonNode entry : history) {
        String source = text(entry, "source.repoURL");
        String at = text(entry, "source.path");
        table.row(
            entry.path("id").asText(),
            entry.path("deployedAt").asText(),
            entry.path("revision").asText(),
            at.isEmpty() ? source : source + " " + at);
      }
      table.print(out);
      return Main.OK;
    }
  }

  @Command(
      name = "rollback",
      description = "Roll back to a history ID (default: the deployment before the current one).")
  static final class Rollback implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ID", arity = "0..1")
    Long id;

    @Option(
        names = {"-o", "--output"},
        converter = OutputFormat.OrTree.class,
        description = "How to print the app afterwards: wide, tree, yaml or json.")
    OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--prune", description = "Prune objects not in the target revision.")
    boolean prune;

    @Option(names = "--dry-run", description = "Preview only.")
    boolean dryRun;

    @Option(names = "--async", description = "Do not wait for the rollback to finish.")
    boolean async;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "0",
        description = "Give up waiting after this many seconds (0: wait for ever).")
    long timeout;

    @Option(names = "--poll-interval", hidden = true, defaultValue = "1000")
    long pollMillis;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      long target = id != null ? id : previousId(client.get(path(name, "")));
      var body = OutputFormat.JSON_MAPPER.createObjectNode().put("id", target);
      if (prune) {
        body.put("prune", true);
      }
      if (dryRun) {
        body.put("dryRun", true);
      }
      client.post(path(name, "/rollback"), body);
      PrintWriter out = spec.commandLine().getOut();
      out.println("application '" + name + "' rolling back to history ID " + target);
      if (!async) {
        new AppWaiter(client, java.time.Duration.ofMillis(Math.max(1, pollMillis)))
            .awaitOperation(
                name,
                "rollback",
                java.time.Duration.ofSeconds(timeout),
                app -> AppSummary.print(out, app, format, client));
      }
      return Main.OK;
    }

    private long previousId(JsonNode app) {
      JsonNode history = app.path("status").path("history");
      if (history.size() < 2) {
        throw new CliException(
            "application '"
                + name
                + "' has "
                + history.size()
                + " history entries, none to roll back to; see `quargo app history "
                + name
                + "`");
      }
      return history.get(history.size() - 2).path("id").asLong();
    }
  }
}
