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
      map.put(e.getKey(), string(e.getValue(), file, field + "." + e.getKey()));
    }
    return map;
  }

  /**
   * A string field's value ("" when absent or null); numbers and booleans are refused as kustomize
   * refuses them, so {@code version: 1.10} is not silently read as "1.1".
   */
  static String string(JsonNode value, String file, String field) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new KustomizeException(
          file,
          "field \""
              + field
              + "\" must be a string but is the "
              + value.getNodeType().name().toLowerCase()
              + " "
              + value
              + "; quote it");
    }
    return value.asText();
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
