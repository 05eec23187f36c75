package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A patch's {@code target}: group, version and kind (exact), name and namespace (anchored regular
 * expressions, matched against the original or the current id), label and annotation selectors.
 */
record PatchTarget(
    String group,
    String version,
    String kind,
    String name,
    String namespace,
    String labelSelector,
    String annotationSelector) {

  static PatchTarget parse(JsonNode node, String file) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!List.of(
              "group",
              "version",
              "kind",
              "name",
              "namespace",
              "labelSelector",
              "annotationSelector")
          .contains(e.getKey())) {
        throw new KustomizeException(file, "unknown field \"" + e.getKey() + "\" in patch target");
      }
    }
    return new PatchTarget(
        text(node, "group"),
        text(node, "version"),
        text(node, "kind"),
        text(node, "name"),
        text(node, "namespace"),
        text(node, "labelSelector"),
        text(node, "annotationSelector"));
  }

  boolean selects(KResource resource) {
    ResId org = resource.orgId();
    ResId cur = resource.curId();
    if (!namespace.isEmpty()
        && !matches(namespace, org.effectiveNamespace())
        && !matches(namespace, cur.effectiveNamespace())) {
      return false;
    }
    if (!name.isEmpty() && !matches(name, org.name()) && !matches(name, cur.name())) {
      return false;
    }
    if (!resource.gvk().selectedBy(group, version, kind)) {
      return false;
    }
    return selectorMatches(labelSelector, resource.object.path("metadata").path("labels"))
        && selectorMatches(
            annotationSelector, resource.object.path("metadata").path("annotations"));
  }

  private static boolean matches(String regex, String value) {
    return Pattern.compile("^(?:" + regex + ")$").matcher(value).matches();
  }

  /** A Kubernetes label selector ({@code a=b,c!=d,e in (x,y),f,!g}) against a map. */
  static boolean selectorMatches(String selector, JsonNode map) {
    if (selector.isBlank()) {
      return true;
    }
    for (String requirement : splitRequirements(selector)) {
      String r = requirement.trim();
      if (r.isEmpty()) {
        continue;
      }
      if (!requirementMatches(r, map)) {
        return false;
      }
    }
    return true;
  }

  private static boolean requirementMatches(String r, JsonNode map) {
    var setMatcher = Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$").matcher(r);
    if (setMatcher.matches()) {
      String key = setMatcher.group(1);
      List<String> values =
          Arrays.stream(setMatcher.group(3).split(",")).map(String::trim).toList();
      boolean in = map.has(key) && values.contains(map.get(key).asText());
      return setMatcher.group(2).equals("in") ? in : !in;
    }
    if (r.contains("!=")) {
      String[] kv = r.split("!=", 2);
      return !map.has(kv[0].trim()) || !map.get(kv[0].trim()).asText().equals(kv[1].trim());
    }
    if (r.contains("=")) {
      String[] kv = r.split("==?", 2);
      return map.has(kv[0].trim()) && map.get(kv[0].trim()).asText().equals(kv[1].trim());
    }
    if (r.startsWith("!")) {
      return !map.has(r.substring(1).trim());
    }
    return map.has(r);
  }

  private static List<String> splitRequirements(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
