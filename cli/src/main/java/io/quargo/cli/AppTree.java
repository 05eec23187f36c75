package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -o tree}: an app's resources with what they own beneath them (Deployment → ReplicaSet →
 * Pod), from the gateway's resource tree, drawn as argocd draws it:
 *
 * <pre>
 * KIND/NAME                            STATUS  HEALTH   MESSAGE
 * Deployment/guestbook-ui              Synced  Healthy
 * └─ReplicaSet/guestbook-ui-7d4f               Healthy
 *   └─Pod/guestbook-ui-7d4f-x2x                Healthy
 * </pre>
 */
final class AppTree {
  private static final String MIDDLE = "├─";
  private static final String LAST = "└─";
  private static final String PIPE = "│ ";

  private AppTree() {}

  /**
   * Prints the tree of {@code tree} ({@code {nodes: [...]}}) with the sync states of {@code app}.
   */
  static void print(PrintWriter out, JsonNode app, JsonNode tree) {
    Map<String, JsonNode> byUid = new LinkedHashMap<>();
    Map<String, List<String>> children = new LinkedHashMap<>();
    List<String> roots = new ArrayList<>();
    for (JsonNode node : tree.path("nodes")) {
      byUid.put(text(node, "uid"), node);
    }
    for (JsonNode node : tree.path("nodes")) {
      String uid = text(node, "uid");
      boolean child = false;
      for (JsonNode parent : node.path("parentRefs")) {
        String parentUid = text(parent, "uid");
        if (byUid.containsKey(parentUid)) {
          children.computeIfAbsent(parentUid, k -> new ArrayList<>()).add(uid);
          child = true;
        }
      }
      if (!child) {
        roots.add(uid);
      }
    }
    OutputFormat.Table table = new OutputFormat.Table("KIND/NAME", "STATUS", "HEALTH", "MESSAGE");
    for (String root : roots) {
      row(table, app, byUid, children, root, "");
    }
    table.print(out);
  }

  private static void row(
      OutputFormat.Table table,
      JsonNode app,
      Map<String, JsonNode> byUid,
      Map<String, List<String>> children,
      String uid,
      String prefix) {
    JsonNode node = byUid.get(uid);
    JsonNode managed = managed(app, node);
    String kindName = text(node, "kind") + "/" + text(node, "name");
    table.row(
        indent(prefix) + kindName,
        managed == null ? "" : text(managed, "status"),
        managed == null ? text(node, "health.status") : text(managed, "health.status"),
        managed == null ? "" : text(managed, "health.message"));
    List<String> owned = children.getOrDefault(uid, List.of());
    for (int i = 0; i < owned.size(); i++) {
      row(
          table,
          app,
          byUid,
          children,
          owned.get(i),
          prefix + (i == owned.size() - 1 ? LAST : MIDDLE));
    }
  }

  /**
   * argocd's prefix: the last connector as it is; above it, a sibling still to come is a pipe and a
   * last child is blank.
   */
  static String indent(String prefix) {
    StringBuilder drawn = new StringBuilder();
    for (int i = 0; i + 2 < prefix.length(); i += 2) {
      drawn.append(prefix.startsWith(MIDDLE, i) ? PIPE : "  ");
    }
    return prefix.isEmpty() ? "" : drawn + prefix.substring(prefix.length() - 2);
  }

  /**
   * The app's {@code status.resources} entry for the node, or null for a resource it does not
   * manage.
   */
  private static JsonNode managed(JsonNode app, JsonNode node) {
    for (JsonNode resource : app.path("status").path("resources")) {
      if (text(resource, "kind").equals(text(node, "kind"))
          && text(resource, "name").equals(text(node, "name"))
          && text(resource, "namespace").equals(text(node, "namespace"))) {
        return resource;
      }
    }
    return null;
  }
}
