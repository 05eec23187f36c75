package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * The applications a command acts on, as argocd picks them: the names given, plus every app that
 * matches {@code -l SELECTOR} and/or {@code --project P} (asked of the gateway, which evaluates the
 * selector: {@code =}, {@code ==}, {@code !=}, {@code in}, {@code notin}, exists, not exists).
 */
final class AppSelection {
  private AppSelection() {}

  /**
   * The names to act on, in order and without repeats; a usage error when neither names nor a
   * filter were given, a failure when a filter matched nothing (argocd fails there too, unlike
   * {@code list}).
   */
  static List<String> resolve(
      CommandLine commandLine,
      GatewayClient client,
      List<String> names,
      String selector,
      List<String> projects) {
    boolean filtered = (selector != null && !selector.isBlank()) || !projects.isEmpty();
    if (names.isEmpty() && !filtered) {
      throw new CommandLine.ParameterException(
          commandLine, "give at least one application NAME, or -l SELECTOR");
    }
    Set<String> chosen = new LinkedHashSet<>(names);
    if (filtered) {
      List<JsonNode> matched = list(client, selector, projects);
      if (matched.isEmpty()) {
        throw new CliException("no applications match " + describe(selector, projects));
      }
      matched.forEach(app -> chosen.add(AppCommand.fullName(app)));
    }
    return new ArrayList<>(chosen);
  }

  /** The apps of {@code GET /api/v1/applications?selector=..&projects=..}. */
  static List<JsonNode> list(GatewayClient client, String selector, List<String> projects) {
    List<String> query = new ArrayList<>();
    if (selector != null && !selector.isBlank()) {
      query.add("selector=" + GatewayClient.segment(selector));
    }
    projects.forEach(p -> query.add("projects=" + GatewayClient.segment(p)));
    String path = "/api/v1/applications" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    List<JsonNode> apps = new ArrayList<>();
    client.get(path).path("items").forEach(apps::add);
    return apps;
  }

  private static String describe(String selector, List<String> projects) {
    List<String> parts = new ArrayList<>();
    if (selector != null && !selector.isBlank()) {
      parts.add("selector \"" + selector + "\"");
    }
    if (!projects.isEmpty()) {
      parts.add("projects " + projects);
    }
    return String.join(" and ", parts);
  }
}
