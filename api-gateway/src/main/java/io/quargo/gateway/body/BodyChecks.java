package io.quargo.gateway.body;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.common.json.JsonPaths;
import io.quargo.common.problem.ProblemException;

/**
 * Checks of request bodies the gateway does before it forwards anything, so a malformed body is a
 * 400 naming the field and nothing is written: an object, required text, optional typed fields.
 */
public final class BodyChecks {

  private BodyChecks() {}

  /** 400 unless {@code body} is a JSON/YAML object; {@code shape} says what it should be. */
  public static JsonNode object(JsonNode body, String shape) {
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest(
          "request body must be "
              + shape
              + (body == null ? ", got none" : ", got a " + kind(body))
              + " (JSON, or YAML with Content-Type application/yaml)");
    }
    return body;
  }

  /** The non-blank text at {@code field} of {@code parent}; 400 naming {@code path} otherwise. */
  public static String requiredText(JsonNode parent, String field, String path) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw ProblemException.invalid(path, "is required");
    }
    if (!value.isTextual()) {
      throw ProblemException.invalid(path, "must be a string, got a " + kind(value));
    }
    if (value.asText().isBlank()) {
      throw ProblemException.invalid(path, "is required");
    }
    return value.asText();
  }

  /** 400 unless {@code field} of {@code parent} is absent, null or text. */
  public static void optionalText(JsonNode parent, String field, String path) {
    optional(parent, field, path, JsonNode::isTextual, "a string");
  }

  /** The text at {@code field} if present and text, null if absent; 400 for another type. */
  public static String textOrNull(JsonNode parent, String field, String path) {
    optionalText(parent, field, path);
    JsonNode value = parent.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** 400 unless {@code field} of {@code parent} is absent, null or a boolean. */
  public static void optionalBoolean(JsonNode parent, String field, String path) {
    optional(parent, field, path, JsonNode::isBoolean, "true or false");
  }

  /**
   * 400 unless {@code field} of {@code parent} is absent, null or an object; returns it or null.
   */
  public static JsonNode optionalObject(JsonNode parent, String field, String path) {
    optional(parent, field, path, JsonNode::isObject, "an object");
    JsonNode value = parent.get(field);
    return value != null && value.isObject() ? value : null;
  }

  /** 400 unless {@code field} of {@code parent} is absent, null or a list of strings. */
  public static void optionalTextList(JsonNode parent, String field, String path) {
    optional(parent, field, path, JsonNode::isArray, "a list of strings");
    JsonNode value = parent.get(field);
    if (value != null && value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        if (!value.get(i).isTextual()) {
          throw ProblemException.invalid(
              path + "[" + i + "]", "must be a string, got a " + kind(value.get(i)));
        }
      }
    }
  }

  private static void optional(
      JsonNode parent,
      String field,
      String path,
      java.util.function.Predicate<JsonNode> ok,
      String expected) {
    JsonNode value = parent.get(field);
    if (value != null && !value.isNull() && !ok.test(value)) {
      throw ProblemException.invalid(path, "must be " + expected + ", got a " + kind(value));
    }
  }

  /** 400 unless {@code field} of {@code parent} is absent, null or a whole number. */
  public static void optionalInteger(JsonNode parent, String field, String path) {
    optional(parent, field, path, JsonNode::canConvertToLong, "a whole number");
    JsonNode value = parent.get(field);
    if (value != null && value.isNumber() && !value.isIntegralNumber()) {
      throw ProblemException.invalid(path, "must be a whole number, got " + value);
    }
  }

  /** 400 unless {@code field} of {@code parent} is absent, null or a list; returns it or null. */
  public static JsonNode optionalList(JsonNode parent, String field, String path) {
    optional(parent, field, path, JsonNode::isArray, "a list");
    JsonNode value = parent.get(field);
    return value != null && value.isArray() ? value : null;
  }

  /**
   * 400 naming the field ({@code prefix} + its path) unless {@code node} binds to {@code type}, the
   * Argo model in common: a wrong type anywhere in an Application or AppProject is caught here.
   */
  public static <T> T typed(JsonNode node, Class<T> type, String prefix) {
    try {
      return Json.mapper().treeToValue(node, type);
    } catch (JsonMappingException e) {
      String path = JsonPaths.of(e);
      String field = prefix + (path.isEmpty() || prefix.isEmpty() ? path : "." + path);
      throw ProblemException.invalid(
          field.isEmpty() ? "(body)" : field,
          "has the wrong type for " + type.getSimpleName() + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(
          "not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  /** A person's word for a JSON node's type. */
  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "list";
      case OBJECT -> "object";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      default -> node.getNodeType().name().toLowerCase();
    };
  }
}
