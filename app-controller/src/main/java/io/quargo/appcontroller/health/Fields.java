package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Null-safe reads of nested fields of an unstructured object, for the health checks. */
final class Fields {

  private Fields() {}

  /** The node at {@code path} (object keys), or a missing node. */
  static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String key : path) {
      current = current.path(key);
    }
    return current;
  }

  /** The text at {@code path}, or "" when absent or null. */
  static String text(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }

  /** The integer at {@code path}, or {@code fallback} when absent. */
  static long number(JsonNode node, long fallback, String... path) {
    JsonNode value = at(node, path);
    return value.isNumber() || value.isTextual() ? value.asLong(fallback) : fallback;
  }

  /** The integer at {@code path}, or empty when absent (a pointer field left unset). */
  static Optional<Long> optionalNumber(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isNumber() ? Optional.of(value.asLong()) : Optional.empty();
  }

  /** The first of {@code status.conditions} with {@code type}, or a missing node. */
  static JsonNode condition(JsonNode object, String type) {
    for (JsonNode condition : at(object, "status", "conditions")) {
      if (type.equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** True when {@code path} holds the boolean true. */
  static boolean isTrue(JsonNode node, String... path) {
    return at(node, path).asBoolean(false);
  }
}
