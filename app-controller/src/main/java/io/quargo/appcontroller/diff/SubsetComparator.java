package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.k8s.ObjectMerge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what the desired object sets against the live object and lists the JSON pointers where
 * they differ. Maps: every desired key must be in live with an equal value; keys only live has are
 * server defaults and ignored. Lists with a known merge key (containers, env, volumes by name,
 * volumeMounts by mountPath, ports by containerPort or port, ...) or whose elements all have a name
 * are matched by that key, and a live element with a key Git does not have is a difference; other
 * lists are compared element by element and must have the same length. An empty desired map or list
 * matches an absent live field.
 */
final class SubsetComparator {

  private SubsetComparator() {}

  /** The pointers where {@code live} does not have what {@code desired} sets; empty when synced. */
  static List<String> differences(JsonNode desired, JsonNode live) {
    List<String> out = new ArrayList<>();
    compare("", "", desired, live, out);
    return out;
  }

  private static void compare(
      String pointer, String field, JsonNode desired, JsonNode live, List<String> out) {
    if (live == null || live.isMissingNode() || live.isNull()) {
      if (!(desired.isContainerNode() && desired.isEmpty())) {
        out.add(pointer);
      }
    } else if (desired.isObject()) {
      if (!live.isObject()) {
        out.add(pointer);
        return;
      }
      desired
          .fields()
          .forEachRemaining(
              e ->
                  compare(
                      JsonPointers.child(pointer, e.getKey()),
                      e.getKey(),
                      e.getValue(),
                      live.get(e.getKey()),
                      out));
    } else if (desired.isArray()) {
      if (!live.isArray()) {
        out.add(pointer);
      } else {
        String key = mergeKey(field, desired, live);
        if (key == null) {
          compareByIndex(pointer, field, desired, live, out);
        } else {
          compareByKey(pointer, key, desired, live, out);
        }
      }
    } else if (!Values.sameScalar(desired, live)) {
      out.add(pointer);
    }
  }

  private static void compareByIndex(
      String pointer, String field, JsonNode desired, JsonNode live, List<String> out) {
    int common = Math.min(desired.size(), live.size());
    for (int i = 0; i < common; i++) {
      compare(JsonPointers.child(pointer, i), field, desired.get(i), live.get(i), out);
    }
    for (int i = common; i < Math.max(desired.size(), live.size()); i++) {
      out.add(JsonPointers.child(pointer, i));
    }
  }

  private static void compareByKey(
      String pointer, String key, JsonNode desired, JsonNode live, List<String> out) {
    Map<JsonNode, Integer> liveIndex = new HashMap<>();
    for (int i = 0; i < live.size(); i++) {
      liveIndex.put(normalKey(live.get(i).get(key)), i);
    }
    Map<JsonNode, Boolean> desiredKeys = new HashMap<>();
    for (int i = 0; i < desired.size(); i++) {
      JsonNode element = desired.get(i);
      JsonNode value = normalKey(element.get(key));
      desiredKeys.put(value, true);
      Integer match = liveIndex.get(value);
      compare(
          JsonPointers.child(pointer, i), "", element, match == null ? null : live.get(match), out);
    }
    for (int i = 0; i < live.size(); i++) {
      if (!desiredKeys.containsKey(normalKey(live.get(i).get(key)))) {
        out.add(JsonPointers.child(pointer, i));
      }
    }
  }

  /** The merge key shared by every element of both lists, or null to compare by index. */
  private static String mergeKey(String field, JsonNode desired, JsonNode live) {
    List<String> candidates = ObjectMerge.mergeKeys(field).orElse(List.of("name"));
    for (String key : candidates) {
      if (allHave(desired, key) && allHave(live, key)) {
        return key;
      }
    }
    return null;
  }

  private static boolean allHave(JsonNode list, String key) {
    for (JsonNode element : list) {
      if (!element.isObject() || !element.path(key).isValueNode()) {
        return false;
      }
    }
    return true;
  }

  /** Keys compared as text, so a port 80 and a port 80.0 or "80" match. */
  private static JsonNode normalKey(JsonNode key) {
    if (key != null && key.isNumber()) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(
          key.decimalValue().stripTrailingZeros().toPlainString());
    }
    return key == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : key;
  }
}
