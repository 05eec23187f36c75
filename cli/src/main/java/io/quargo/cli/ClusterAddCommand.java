package io.quargo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo cluster add}: registers a cluster either from its API server URL and credentials
 * ({@code cluster add https://10.0.0.1:6443 --name prod --token-file t --ca-file ca.crt}) or from a
 * kubeconfig context ({@code cluster add CONTEXT --kubeconfig FILE}, as argocd takes a context).
 * The global {@code --server} names the api-gateway, so the cluster's URL is the argument.
 */
@Command(
    name = "add",
    description = "Add a cluster from its API server URL and credentials, or from a kubeconfig.")
final class ClusterAddCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SERVER|CONTEXT",
      description = "The API server's URL (https://...), or a context of the kubeconfig.")
  String target;

  @Option(names = "--name", description = "The cluster's name (default: the context's name).")
  String name;

  @Option(names = "--bearer-token", paramLabel = "TOKEN", description = "A bearer token.")
  String bearerToken;

  @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the token.")
  Path tokenFile;

  @Option(names = "--ca-file", paramLabel = "FILE", description = "The API server's CA (PEM).")
  Path caFile;

  @Option(
      names = {"--insecure", "--insecure-skip-tls-verify"},
      description = "Do not verify the API server's TLS certificate.")
  boolean insecure;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Read the cluster from this kubeconfig (default: $KUBECONFIG, ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kubeconfig context (default: its current-context).")
  String context;

  @Option(names = "--project", description = "Scope the cluster to this project.")
  String project;

  @Option(
      names = "--namespace",
      description = "Manage only this namespace (repeatable; default: all).")
  List<String> namespaces = new ArrayList<>();

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label (repeatable).")
  Map<String, String> labels;

  @Option(names = "--upsert", description = "Replace the cluster if it exists.")
  boolean upsert;

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    boolean direct = target != null && target.contains("://");
    if (bearerToken != null && tokenFile != null) {
      throw new CommandLine.ParameterException(
          commandLine, "give --bearer-token or --token-file, not both");
    }
    if (!direct && target != null && context != null && !target.equals(context)) {
      throw new CommandLine.ParameterException(
          commandLine, "give the context once: as the argument or as --context");
    }
    ObjectNode cluster = OutputFormat.JSON_MAPPER.createObjectNode();
    if (direct) {
      if (kubeconfig != null || context != null) {
        throw new CommandLine.ParameterException(
            commandLine, "a server URL and --kubeconfig/--context do not go together");
      }
      cluster.put("server", target);
      cluster.putObject("config").putObject("tlsClientConfig").put("insecure", false);
    } else {
      Path file = kubeconfig != null ? kubeconfig : defaultKubeconfig(commandLine);
      Kubeconfig.Context chosen = Kubeconfig.read(file, target != null ? target : context);
      cluster.put("server", chosen.server());
      cluster.put("name", chosen.name());
      cluster.set("config", chosen.config());
    }
    ObjectNode config = (ObjectNode) cluster.get("config");
    ObjectNode tls = (ObjectNode) config.get("tlsClientConfig");
    if (name != null) {
      cluster.put("name", name);
    }
    if (bearerToken != null) {
      config.put("bearerToken", bearerToken);
    }
    if (tokenFile != null) {
      config.put("bearerToken", Kubeconfig.readText(tokenFile).strip());
    }
    if (caFile != null) {
      tls.put("caData", Kubeconfig.base64(caFile));
    }
    if (insecure) {
      tls.put("insecure", true);
    }
    if (project != null) {
      cluster.put("project", project);
    }
    if (!namespaces.isEmpty()) {
      var array = cluster.putArray("namespaces");
      namespaces.forEach(array::add);
    }
    if (labels != null) {
      ObjectNode labelNode = cluster.putObject("labels");
      labels.forEach(labelNode::put);
    }
    Main.of(spec)
        .connection()
        .client()
        .post("/api/v1/clusters" + (upsert ? "?upsert=true" : ""), cluster);
    commandLine.getOut().println("Cluster '" + cluster.path("server").asText() + "' added");
    return Main.OK;
  }

  private Path defaultKubeconfig(CommandLine commandLine) {
    String fromEnv = Main.of(spec).env("KUBECONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      // kubectl merges a path list; the first file is where contexts usually live
      return Path.of(fromEnv.split(java.io.File.pathSeparator)[0]);
    }
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    if (target == null && context == null && !home.toFile().isFile()) {
      throw new CommandLine.ParameterException(
          commandLine,
          "give the cluster's API server URL (https://...), or a kubeconfig with --kubeconfig");
    }
    return home;
  }
}
