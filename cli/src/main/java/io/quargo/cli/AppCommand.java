package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
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
      AppCommand.List.class,
      AppCommand.Get.class,
      AppCreateCommand.class,
      AppSetCommand.class,
      AppCommand.Delete.class,
      AppSyncCommand.class,
      AppWaitCommand.class,
      AppCommand.History.class,
      AppCommand.Rollback.class,
      AppDiffCommand.class,
      AppManifestsCommand.class
    })
final class AppCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** {@code /api/v1/applications/NAME} plus {@code suffix}. */
  static String path(String name, String suffix) {
    return "/api/v1/applications/" + GatewayClient.segment(name) + suffix;
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

  @Command(name = "list", description = "List applications.")
  static final class List implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin OutputOption output;

    @Option(
        names = {"-p", "--project"},
        description = "Only the apps of these projects.")
    java.util.List<String> projects = new java.util.ArrayList<>();

    @Override
    public Integer call() {
      JsonNode list = Main.of(spec).connection().client().get("/api/v1/applications");
      PrintWriter out = spec.commandLine().getOut();
      java.util.List<JsonNode> apps = new java.util.ArrayList<>();
      for (JsonNode app : list.path("items")) {
        if (projects.isEmpty() || projects.contains(text(app, "spec.project"))) {
          apps.add(app);
        }
      }
      if (output.printStructured(out, OutputFormat.JSON_MAPPER.valueToTree(apps))) {
        return Main.OK;
      }
      OutputFormat.Table table =
          output.wide()
              ? new OutputFormat.Table(
                  "NAME",
                  "CLUSTER",
                  "NAMESPACE",
                  "PROJECT",
                  "STATUS",
                  "HEALTH",
                  "SYNCPOLICY",
                  "CONDITIONS",
                  "REPO",
                  "PATH",
                  "TARGET",
                  "REVISION")
              : new OutputFormat.Table(
                  "NAME",
                  "CLUSTER",
                  "NAMESPACE",
                  "PROJECT",
                  "STATUS",
                  "HEALTH",
                  "SYNCPOLICY",
                  "CONDITIONS",
                  "REPO",
                  "PATH",
                  "TARGET");
      for (JsonNode app : apps) {
        java.util.List<String> conditions = new java.util.ArrayList<>();
        app.path("status").path("conditions").forEach(c -> conditions.add(c.path("type").asText()));
        String revision = text(app, "status.sync.revision");
        table.row(
            fullName(app),
            cluster(app),
            text(app, "spec.destination.namespace"),
            text(app, "spec.project"),
            text(app, "status.sync.status"),
            text(app, "status.health.status"),
            syncPolicy(app),
            conditions.isEmpty() ? "<none>" : String.join(",", conditions),
            text(app, "spec.source.repoURL"),
            text(app, "spec.source.path"),
            text(app, "spec.source.targetRevision"),
            output.wide() ? revision : null);
      }
      table.print(out);
      return Main.OK;
    }
  }

  @Command(name = "get", description = "Show an application and its resources.")
  static final class Get implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @CommandLine.Mixin OutputOption output;

    @Option(names = "--refresh", description = "Refresh from Git first.")
    boolean refresh;

    @Option(names = "--hard-refresh", description = "Refresh from Git first, bypassing caches.")
    boolean hardRefresh;

    @Override
    public Integer call() {
      String query = hardRefresh ? "?refresh=hard" : refresh ? "?refresh=normal" : "";
      JsonNode app = Main.of(spec).connection().client().get(path(name, query));
      PrintWriter out = spec.commandLine().getOut();
      if (!output.printStructured(out, app)) {
        AppSummary.print(out, app);
      }
      return Main.OK;
    }
  }

  @Command(name = "delete", description = "Delete an application (and, by default, its objects).")
  static final class Delete implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "1..*")
    java.util.List<String> names;

    @Option(
        names = "--cascade",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "Delete the app's live objects too (default true).")
    boolean cascade;

    @Option(
        names = {"-y", "--yes"},
        description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      for (String name : names) {
        Console console = System.console();
        if (!yes && console != null) {
          String answer =
              console.readLine("Are you sure you want to delete '%s'? [y/n] ", name).strip();
          if (!answer.equalsIgnoreCase("y")) {
            continue;
          }
        }
        client.delete(path(name, "?cascade=" + cascade));
        spec.commandLine().getOut().println("application '" + name + "' deleted");
      }
      return Main.OK;
    }
  }

  @Command(name = "history", description = "Show an application's deployment history.")
  static final class History implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @CommandLine.Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode app = Main.of(spec).connection().client().get(path(name, ""));
      JsonNode history = app.path("status").path("history");
      PrintWriter out = spec.commandLine().getOut();
      if (output.printStructured(
          out, history.isArray() ? history : OutputFormat.JSON_MAPPER.createArrayNode())) {
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
            .awaitOperation(name, "rollback", java.time.Duration.ofSeconds(timeout), out);
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
