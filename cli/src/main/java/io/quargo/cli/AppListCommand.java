package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quargo app list [-l SELECTOR] [-p PROJECT] [-r REPO] [-c CLUSTER] [-P PATH] [-o
 * wide|name|json|yaml]}: argocd's columns; the gateway evaluates the selector, the other filters
 * match exactly, as argocd's do.
 */
@Command(name = "list", description = "List applications.")
final class AppListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.OrName.class,
      description = "wide, name, yaml or json; a table when absent.")
  OutputFormat format = OutputFormat.TABLE;

  @Option(
      names = {"-l", "--selector"},
      description = "Only apps whose labels match, e.g. team=a, 'env in (dev,qa)', '!legacy'.")
  String selector;

  @Option(
      names = {"-p", "--project"},
      description = "Only the apps of these projects (repeatable).")
  List<String> projects = new ArrayList<>();

  @Option(
      names = {"-r", "--repo"},
      description = "Only apps whose source is this repository URL.")
  String repo;

  @Option(
      names = {"-c", "--cluster"},
      description = "Only apps deployed to this cluster (server URL or name).")
  String cluster;

  @Option(
      names = {"-P", "--path"},
      description = "Only apps whose source has this path.")
  String path;

  @Override
  public Integer call() {
    GatewayClient client = Main.of(spec).connection().client();
    List<JsonNode> apps = new ArrayList<>();
    for (JsonNode app : AppSelection.list(client, selector, List.of())) {
      if (matches(app)) {
        apps.add(app);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.printStructured(out, OutputFormat.JSON_MAPPER.valueToTree(apps))) {
      return Main.OK;
    }
    if (format == OutputFormat.NAME) {
      apps.forEach(app -> out.println(AppCommand.fullName(app)));
      return Main.OK;
    }
    printTable(out, apps, format == OutputFormat.WIDE);
    return Main.OK;
  }

  private boolean matches(JsonNode app) {
    return (projects.isEmpty() || projects.contains(text(app, "spec.project")))
        && (repo == null || repo.equals(text(app, "spec.source.repoURL")))
        && (path == null || path.equals(text(app, "spec.source.path")))
        && (cluster == null
            || cluster.equals(text(app, "spec.destination.server"))
            || cluster.equals(text(app, "spec.destination.name")));
  }

  static void printTable(PrintWriter out, List<JsonNode> apps, boolean wide) {
    OutputFormat.Table table =
        new OutputFormat.Table(
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
            wide ? "REVISION" : null);
    for (JsonNode app : apps) {
      List<String> conditions = new ArrayList<>();
      app.path("status").path("conditions").forEach(c -> conditions.add(c.path("type").asText()));
      table.row(
          AppCommand.fullName(app),
          AppCommand.cluster(app),
          text(app, "spec.destination.namespace"),
          text(app, "spec.project"),
          text(app, "status.sync.status"),
          text(app, "status.health.status"),
          AppCommand.syncPolicy(app),
          conditions.isEmpty() ? "<none>" : String.join(",", conditions),
          text(app, "spec.source.repoURL"),
          text(app, "spec.source.path"),
          text(app, "spec.source.targetRevision"),
          wide ? text(app, "status.sync.revision") : null);
    }
    table.print(out);
  }
}
