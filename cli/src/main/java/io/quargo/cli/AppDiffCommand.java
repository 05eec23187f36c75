package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo app diff NAME}: per managed resource, a unified diff from the live object to the
 * desired one (as YAML with sorted keys); exits 1 when anything differs, as argocd does.
 */
@Command(
    name = "diff",
    description = "Show how the live objects differ from the desired ones (exit 1 if they do).")
final class AppDiffCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--refresh", description = "Refresh from Git and the cluster first.")
  boolean refresh;

  @Option(names = "--hard-refresh", description = "Refresh first, bypassing the render cache.")
  boolean hardRefresh;

  @Option(
      names = "--exit-code",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Exit 1 when something differs (default true; --no-exit-code: always 0).")
  boolean exitCode;

  @Override
  public Integer call() {
    GatewayClient client = Main.of(spec).connection().client();
    if (refresh || hardRefresh) {
      client.get(AppCommand.path(name, hardRefresh ? "?refresh=hard" : "?refresh=normal"));
    }
    boolean differs = printDiff(client, name, spec.commandLine().getOut());
    return differs && exitCode ? Main.FAILED : Main.OK;
  }

  /** Prints a unified diff per resource that differs; true when any does. */
  static boolean printDiff(GatewayClient client, String name, PrintWriter out) {
    JsonNode resources = client.get(AppCommand.path(name, "/managed-resources"));
    boolean differs = false;
    for (JsonNode resource : resources.path("items")) {
      JsonNode target = state(resource, "targetState");
      JsonNode live = state(resource, "normalizedLiveState");
      if (live == null) {
        live = state(resource, "liveState");
      }
      String id = id(resource);
      String diff = UnifiedDiff.diff("live/" + id, yaml(live), "desired/" + id, yaml(target));
      if (diff.isEmpty()) {
        continue;
      }
      differs = true;
      out.println("===== " + header(resource) + " ======");
      out.print(diff);
    }
    return differs;
  }

  /** The object in a resource's JSON-text field, or null when absent ({@code "null"}). */
  static JsonNode state(JsonNode resource, String field) {
    String json = resource.path(field).asText("");
    if (json.isBlank() || json.equals("null")) {
      return null;
    }
    try {
      JsonNode object = OutputFormat.JSON_MAPPER.readTree(json);
      return object.isNull() ? null : object;
    } catch (JsonProcessingException e) {
      throw new CliException(
          field + " of " + header(resource) + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code group/Kind namespace/name}, as argocd's diff headers. */
  private static String header(JsonNode resource) {
    String namespace = text(resource, "namespace");
    return text(resource, "group")
        + "/"
        + text(resource, "kind")
        + " "
        + (namespace.isEmpty() ? "" : namespace + "/")
        + text(resource, "name");
  }

  private static String id(JsonNode resource) {
    String namespace = text(resource, "namespace");
    return text(resource, "kind")
        + "/"
        + (namespace.isEmpty() ? "" : namespace + "/")
        + text(resource, "name");
  }

  private static String yaml(JsonNode object) {
    return object == null ? "" : OutputFormat.yaml(sorted(object));
  }

  /** A copy with object keys in order, so key order never shows up as a difference. */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = OutputFormat.JSON_MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String field : names) {
        copy.set(field, sorted(node.get(field)));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = OutputFormat.JSON_MAPPER.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }
}
