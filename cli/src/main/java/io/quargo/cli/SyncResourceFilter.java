package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of an app's resources a partial sync takes, as argocd chooses them: {@code --resource
 * [!]GROUP:KIND:[NAMESPACE/]NAME} (a field may be {@code *}; {@code !} excludes, and an exclusion
 * wins) matched against the app's {@code status.resources}, and {@code --label KEY=VALUE} matched
 * against the labels of the desired objects.
 */
final class SyncResourceFilter {
  /** One {@code --resource} rule. */
  record Rule(String group, String kind, String namespace, String name, boolean exclude) {
    /** {@code [!]GROUP:KIND:NAME} or {@code [!]GROUP:KIND:NAMESPACE/NAME}; GROUP empty for core. */
    static Rule parse(String text) {
      boolean exclude = text.startsWith("!");
      String[] parts = (exclude ? text.substring(1) : text).split(":", -1);
      if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
        throw new IllegalArgumentException(
            "--resource \""
                + text
                + "\" is not [!]GROUP:KIND:[NAMESPACE/]NAME"
                + " (e.g. apps:Deployment:guestbook-ui, :Service:web, '!*:Service:*')");
      }
      String[] name = parts[2].split("/", -1);
      if (name.length > 2) {
        throw new IllegalArgumentException(
            "--resource \"" + text + "\": NAME has more than one '/' (NAMESPACE/NAME)");
      }
      return name.length == 2
          ? new Rule(parts[0], parts[1], name[0], name[1], exclude)
          : new Rule(parts[0], parts[1], "", parts[2], exclude);
    }

    boolean matches(JsonNode resource) {
      return field(group, text(resource, "group"))
          && field(kind, text(resource, "kind"))
          && field(name, text(resource, "name"))
          && (namespace.isEmpty() || field(namespace, text(resource, "namespace")));
    }

    private static boolean field(String rule, String value) {
      return rule.equals("*") || rule.equals(value);
    }
  }

  private SyncResourceFilter() {}

  /** The resources of {@code resources} (an app's status.resources) the rules select. */
  static List<JsonNode> select(JsonNode resources, List<Rule> rules) {
    boolean anyInclude = rules.stream().anyMatch(r -> !r.exclude());
    List<JsonNode> selected = new ArrayList<>();
    for (JsonNode resource : resources) {
      boolean included =
          !anyInclude || rules.stream().anyMatch(r -> !r.exclude() && r.matches(resource));
      boolean excluded = rules.stream().anyMatch(r -> r.exclude() && r.matches(resource));
      if (included && !excluded) {
        selected.add(resource);
      }
    }
    return selected;
  }

  /**
   * The managed resources (Argo's ManagedResourcesResponse items) whose desired object carries one
   * of {@code labels} ({@code KEY=VALUE}), as {@code GROUP:KIND:NAMESPACE/NAME} rules.
   */
  static List<Rule> byLabels(JsonNode managedResources, List<String> labels) {
    List<String[]> wanted = new ArrayList<>();
    for (String label : labels) {
      int eq = label.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--label \"" + label + "\" is not KEY=VALUE (e.g. app.kubernetes.io/part-of=shop)");
      }
      wanted.add(new String[] {label.substring(0, eq), label.substring(eq + 1)});
    }
    List<Rule> rules = new ArrayList<>();
    for (JsonNode resource : managedResources.path("items")) {
      JsonNode desired = AppDiffCommand.state(resource, "targetState");
      if (desired == null) {
        continue;
      }
      JsonNode objectLabels = desired.path("metadata").path("labels");
      for (String[] label : wanted) {
        if (label[1].equals(objectLabels.path(label[0]).asText(null))) {
          rules.add(
              new Rule(
                  text(resource, "group"),
                  text(resource, "kind"),
                  text(resource, "namespace"),
                  text(resource, "name"),
                  false));
          break;
        }
      }
    }
    return rules;
  }

  /** The selected resources as the sync request's {@code resources}. */
  static ArrayNode request(List<JsonNode> selected) {
    ArrayNode array = OutputFormat.JSON_MAPPER.createArrayNode();
    for (JsonNode resource : selected) {
      var item = array.addObject();
      item.put("group", text(resource, "group")).put("kind", text(resource, "kind"));
      if (!text(resource, "namespace").isEmpty()) {
        item.put("namespace", text(resource, "namespace"));
      }
      item.put("name", text(resource, "name"));
    }
    return array;
  }
}
