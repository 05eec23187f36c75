package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.common.model.application.ResourceIgnoreDifferences;
import java.util.List;

/**
 * {@code RespectIgnoreDifferences=true}: before applying, the desired object takes the live values
 * of the fields the app's ignoreDifferences name by {@code jsonPointers}, so a sync does not undo
 * them. jqPathExpressions and managedFieldsManagers are not applied here (they only hide diffs).
 */
final class IgnoredFields {

  private IgnoredFields() {}

  /** A copy of {@code desired} with live values at every ignored pointer that matches it. */
  static ObjectNode keepLive(
      ObjectNode desired, ObjectNode live, List<ResourceIgnoreDifferences> rules) {
    ObjectNode result = desired.deepCopy();
    ResourceKey key = ResourceKey.of(desired);
    for (ResourceIgnoreDifferences rule : rules) {
      if (!matches(rule, key) || rule.getJsonPointers() == null) {
        continue;
      }
      for (String pointer : rule.getJsonPointers()) {
        JsonNode value = live.at(pointer);
        if (value.isMissingNode()) {
          remove(result, pointer);
        } else {
          set(result, pointer, value.deepCopy());
        }
      }
    }
    return result;
  }

  private static boolean matches(ResourceIgnoreDifferences rule, ResourceKey key) {
    return nullOrEqual(rule.getGroup(), key.group())
        && nullOrEqual(rule.getKind(), key.kind())
        && emptyOrEqual(rule.getName(), key.name())
        && emptyOrEqual(rule.getNamespace(), key.namespace());
  }

  private static boolean nullOrEqual(String ruleValue, String value) {
    return ruleValue == null || ruleValue.equals(value);
  }

  private static boolean emptyOrEqual(String ruleValue, String value) {
    return ruleValue == null || ruleValue.isEmpty() || ruleValue.equals(value);
  }

  private static String[] tokens(String pointer) {
    String[] parts = pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].replace("~1", "/").replace("~0", "~");
    }
    return parts;
  }

  private static void set(ObjectNode root, String pointer, JsonNode value) {
    String[] parts = tokens(pointer);
    JsonNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = child(node, parts[i]);
      if (next == null || !next.isContainerNode()) {
        if (!node.isObject()) {
          return;
        }
        next = ((ObjectNode) node).putObject(parts[i]);
      }
      node = next;
    }
    String last = parts[parts.length - 1];
    if (node.isObject()) {
      ((ObjectNode) node).set(last, value);
    } else if (node.isArray() && index(last) >= 0 && index(last) < node.size()) {
      ((ArrayNode) node).set(index(last), value);
    }
  }

  private static void remove(ObjectNode root, String pointer) {
    String[] parts = tokens(pointer);
    JsonNode node = root;
    for (int i = 0; i < parts.length - 1 && node != null; i++) {
      node = child(node, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (node instanceof ObjectNode object) {
      object.remove(last);
    } else if (node instanceof ArrayNode array && index(last) >= 0 && index(last) < array.size()) {
      array.remove(index(last));
    }
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node.isObject()) {
      return node.get(token);
    }
    if (node.isArray() && index(token) >= 0) {
      return node.get(index(token));
    }
    return null;
  }

  private static int index(String token) {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
