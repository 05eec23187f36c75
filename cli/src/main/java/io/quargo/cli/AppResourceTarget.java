package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * The live resources of an app that {@code app patch-resource} and {@code app delete-resource}
 * change, as argocd's flags name them: {@code --kind} and {@code --resource-name}, narrowed by
 * {@code --group} and {@code --namespace}; several matches need {@code --all}.
 */
final class AppResourceTarget {
  @Option(names = "--kind", required = true, description = "Kind, e.g. Deployment.")
  String kind;

  @Option(names = "--resource-name", required = true, description = "Name of the resource.")
  String resourceName;

  @Option(names = "--group", description = "API group, e.g. apps (default: any).")
  String group;

  @Option(names = "--namespace", description = "Namespace of the resource (default: any).")
  String namespace;

  @Option(names = "--all", description = "Change every matching resource, not only one.")
  boolean all;

  /** The app's tree nodes these flags name: at least one, and one only without {@code --all}. */
  List<JsonNode> nodes(GatewayClient client, String app) {
    List<JsonNode> matching = new ArrayList<>();
    for (JsonNode node : client.get(AppCommand.path(app, "/resource-tree")).path("nodes")) {
      if (node.path("kind").asText().equals(kind)
          && node.path("name").asText().equals(resourceName)
          && (group == null || node.path("group").asText("").equals(group))
          && (namespace == null || node.path("namespace").asText("").equals(namespace))) {
        matching.add(node);
      }
    }
    if (matching.isEmpty()) {
      throw new CliException("no " + kind + " " + resourceName + " in application " + app);
    }
    if (matching.size() > 1 && !all) {
      throw new CliException(
          matching.size()
              + " resources match "
              + kind
              + " "
              + resourceName
              + " in application "
              + app
              + ": narrow them with --group or --namespace, or change them all with --all");
    }
    return matching;
  }

  /** {@code /resource?...} naming {@code node}, with {@code extra} query parameters. */
  static String path(JsonNode node, Map<String, String> extra) {
    Map<String, String> query = new TreeMap<>(extra);
    query.put("namespace", node.path("namespace").asText(""));
    query.put("resourceName", node.path("name").asText());
    query.put("version", node.path("version").asText(""));
    query.put("group", node.path("group").asText(""));
    query.put("kind", node.path("kind").asText());
    StringBuilder path = new StringBuilder("/resource");
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      path.append(sep).append(e.getKey()).append('=').append(GatewayClient.segment(e.getValue()));
      sep = '&';
    }
    return path.toString();
  }
}
