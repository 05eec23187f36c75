package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo cluster add|list|get|rm}: the clusters applications may deploy to, as Argo CD's
 * {@code Cluster} objects under {@code /api/v1/clusters}.
 */
@Command(
    name = "cluster",
    description = "Manage cluster credentials.",
    subcommands = {
      ClusterAddCommand.class,
      ClusterCommand.List.class,
      ClusterCommand.Get.class,
      ClusterCommand.Remove.class
    })
final class ClusterCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /**
   * Argo's {@code /api/v1/clusters/{id.value}?id.type=url} for a server URL or a cluster's name: a
   * name is looked up in the cluster list first (as argocd's SERVER/NAME arguments allow).
   */
  static String path(GatewayClient client, String serverOrName) {
    String server = serverOrName;
    if (!serverOrName.contains("://")) {
      server = null;
      for (JsonNode cluster : client.get("/api/v1/clusters").path("items")) {
        if (serverOrName.equals(text(cluster, "name"))) {
          server = text(cluster, "server");
        }
      }
      if (server == null) {
        throw new CliException(
            "no cluster is named '"
                + serverOrName
                + "'; give its server URL or a name from `quargo cluster list`");
      }
    }
    return "/api/v1/clusters/" + GatewayClient.segment(server) + "?id.type=url";
  }

  /** Argo's {@code argocd cluster list} columns. */
  static void printTable(PrintWriter out, Iterable<JsonNode> clusters) {
    OutputFormat.Table table =
        new OutputFormat.Table("SERVER", "NAME", "VERSION", "STATUS", "MESSAGE", "PROJECT");
    for (JsonNode cluster : clusters) {
      String server = text(cluster, "server");
      int namespaces = cluster.path("namespaces").size();
      if (namespaces > 0) {
        server += " (" + namespaces + " namespaces)";
      }
      table.row(
          server,
          text(cluster, "name"),
          either(cluster, "info.serverVersion", "serverVersion"),
          either(cluster, "info.connectionState.status", "connectionState.status"),
          either(cluster, "info.connectionState.message", "connectionState.message"),
          text(cluster, "project"));
    }
    table.print(out);
  }

  /** Argo moved these fields under {@code info}; read the new place, then the old one. */
  private static String either(JsonNode node, String dotted, String legacy) {
    String value = text(node, dotted);
    return value.isEmpty() ? text(node, legacy) : value;
  }

  @Command(name = "list", description = "List clusters.")
  static final class List implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
        names = {"-o", "--output"},
        converter = OutputFormat.OrServer.class,
        description = "wide, server, yaml or json; a table when absent.")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
      JsonNode list = Main.of(spec).connection().client().get("/api/v1/clusters");
      java.util.List<JsonNode> clusters = new ArrayList<>();
      list.path("items").forEach(clusters::add);
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.SERVER) {
        clusters.forEach(c -> out.println(text(c, "server")));
      } else if (!format.printStructured(out, OutputFormat.JSON_MAPPER.valueToTree(clusters))) {
        printTable(out, clusters);
      }
      return Main.OK;
    }
  }

  @Command(name = "get", description = "Show one cluster, by server URL or name.")
  static final class Get implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER|NAME")
    String cluster;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      JsonNode found = client.get(path(client, cluster));
      PrintWriter out = spec.commandLine().getOut();
      if (!output.printStructured(out, found)) {
        printTable(out, java.util.List.of(found));
      }
      return Main.OK;
    }
  }

  @Command(name = "rm", description = "Remove clusters, by server URL or name.")
  static final class Remove implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SERVER|NAME", arity = "1..*")
    java.util.List<String> clusters;

    @CommandLine.Option(
        names = {"-y", "--yes"},
        description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      java.io.Console console = System.console();
      for (String cluster : clusters) {
        if (!yes && console != null) {
          String answer =
              console.readLine(
                  "Are you sure you want to remove '%s'? Any Apps deploying to this cluster will"
                      + " go to health status Unknown. [y/n] ",
                  cluster);
          if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
            spec.commandLine()
                .getOut()
                .println("The command to remove '" + cluster + "' was cancelled.");
            continue;
          }
        }
        client.delete(path(client, cluster));
        spec.commandLine().getOut().println("Cluster '" + cluster + "' removed");
      }
      return Main.OK;
    }
  }
}
