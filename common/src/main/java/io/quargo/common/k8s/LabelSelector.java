package io.quargo.common.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes equality- and set-based label selector ({@code app=web,tier!=db,env in (a,b),
 * !legacy, team}) matched against an object's labels (or, as Kustomize's patch targets do, its
 * annotations).
 */
public final class LabelSelector {

  private record Requirement(String key, String op, Set<String> values) {}

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  /** Parses {@code text}; null or blank selects everything. */
  public static LabelSelector parse(String text) {
    List<Requirement> result = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new LabelSelector(result);
    }
    for (String part : split(text)) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (p.contains(" in ") || p.contains(" notin ")) {
        boolean notIn = p.contains(" notin ");
        String[] kv = p.split(notIn ? " notin " : " in ", 2);
        String list = kv[1].trim();
        if (!list.startsWith("(") || !list.endsWith(")")) {
          throw new IllegalArgumentException(
              "label selector \"" + text + "\": values of \"" + kv[0].trim() + "\" need (a,b)");
        }
        Set<String> values = Set.of(list.substring(1, list.length() - 1).split("\\s*,\\s*"));
        result.add(new Requirement(kv[0].trim(), notIn ? "notin" : "in", values));
      } else if (p.contains("!=")) {
        String[] kv = p.split("!=", 2);
        result.add(new Requirement(kv[0].trim(), "notin", Set.of(kv[1].trim())));
      } else if (p.contains("=")) {
        String[] kv = p.split("==?", 2);
        result.add(new Requirement(kv[0].trim(), "in", Set.of(kv[1].trim())));
      } else if (p.startsWith("!")) {
        result.add(new Requirement(p.substring(1).trim(), "absent", Set.of()));
      } else {
        result.add(new Requirement(p, "present", Set.of()));
      }
    }
    return new LabelSelector(result);
  }

  /** Whether a {@code metadata.labels}-shaped JSON object (missing: no labels) satisfies it. */
  public boolean matchesJson(JsonNode labels) {
    Map<String, String> map = new HashMap<>();
    if (labels != null) {
      labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    }
    return matches(map);
  }

  /** Whether {@code labels} (null: none) satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Map.of() : labels;
    for (Requirement r : requirements) {
      String value = l.get(r.key());
      boolean ok =
          switch (r.op()) {
            case "in" -> value != null && r.values().contains(value);
            case "notin" -> value == null || !r.values().contains(value);
            case "absent" -> value == null;
            default -> value != null;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Splits at commas outside parentheses. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : text.toCharArray()) {
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
}
