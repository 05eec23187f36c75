package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers over Jackson trees shared by the transformers. */
final class Yamls {

  private Yamls() {}

  static LinkedHashMap<String, String> stringMap(JsonNode node, String file, String field) {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      throw new KustomizeException(file, "field \"" + field + "\" must be a map of strings");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
    }
    return map;
  }

  /** The object at {@code field} of {@code parent}, created when absent or null. */
  static ObjectNode object(ObjectNode parent, String field) {
    JsonNode child = parent.get(field);
    if (child instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(field);
  }
}
