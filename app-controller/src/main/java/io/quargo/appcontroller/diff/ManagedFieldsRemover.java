package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Removes the fields that given managers own, read from the live object's {@code
 * metadata.managedFields} (FieldsV1), from a normalised object: {@code ignoreDifferences
 * .managedFieldsManagers}. Best effort: {@code f:} fields, {@code k:} list keys and {@code v:} set
 * values are followed; {@code i:} indexes too. A field owned as a whole (an empty set or only
 * {@code .}) is removed with its children; a map owned with named children loses those children,
 * and then itself when nothing is left. Ownership shared with another manager is not weighed: a
 * field listed for a trusted manager is removed even if others own it too.
 */
final class ManagedFieldsRemover {

  private final List<JsonNode> ownedSets;

  private ManagedFieldsRemover(List<JsonNode> ownedSets) {
    this.ownedSets = ownedSets;
  }

  /** The field sets of {@code managers} in {@code live}'s managedFields (raw, not normalised). */
  static ManagedFieldsRemover of(JsonNode live, Collection<String> managers) {
    List<JsonNode> sets = new ArrayList<>();
    if (live != null && !managers.isEmpty()) {
      for (JsonNode entry : live.path("metadata").path("managedFields")) {
        if (managers.contains(entry.path("manager").asText())
            && entry.path("fieldsV1").isObject()) {
          sets.add(entry.get("fieldsV1"));
        }
      }
    }
    return new ManagedFieldsRemover(sets);
  }

  boolean isEmpty() {
    return ownedSets.isEmpty();
  }

  /** Removes the owned fields from {@code object} in place. */
  void removeFrom(ObjectNode object) {
    for (JsonNode set : ownedSets) {
      removeOwned(object, set);
    }
  }

  private static void removeOwned(JsonNode target, JsonNode set) {
    Iterator<Map.Entry<String, JsonNode>> members = set.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String key = member.getKey();
      JsonNode children = member.getValue();
      if (key.startsWith("f:") && target instanceof ObjectNode object) {
        String field = key.substring(2);
        JsonNode value = object.get(field);
        if (value == null) {
          continue;
        }
        if (ownsWhole(children)) {
          object.remove(field);
        } else {
          removeOwned(value, children);
          if (value.isContainerNode() && value.isEmpty()) {
            object.remove(field);
          }
        }
      } else if (target instanceof ArrayNode array) {
        removeFromList(array, key, children);
      }
    }
  }

  private static void removeFromList(ArrayNode array, String key, JsonNode children) {
    for (int i = 0; i < array.size(); i++) {
      if (!matchesElement(array.get(i), key, i)) {
        continue;
      }
      if (ownsWhole(children) || key.startsWith("v:")) {
        array.remove(i);
      } else {
        removeOwned(array.get(i), children);
        if (array.get(i).isContainerNode() && keyOnly(array.get(i), key)) {
          array.remove(i);
        }
      }
      return;
    }
  }

  private static boolean matchesElement(JsonNode element, String key, int index) {
    if (key.startsWith("i:")) {
      return key.substring(2).equals(String.valueOf(index));
    }
    if (key.startsWith("v:")) {
      return parse(key.substring(2)).equals(element);
    }
    if (key.startsWith("k:")) {
      JsonNode fields = parse(key.substring(2));
      Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!Values.sameScalar(field.getValue(), element.path(field.getKey()))) {
          return false;
        }
      }
      return fields.size() > 0;
    }
    return false;
  }

  /** True when only the element's key fields are left after removal. */
  private static boolean keyOnly(JsonNode element, String key) {
    if (!key.startsWith("k:")) {
      return element.isEmpty();
    }
    JsonNode fields = parse(key.substring(2));
    Iterator<String> names = element.fieldNames();
    while (names.hasNext()) {
      if (!fields.has(names.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean ownsWhole(JsonNode children) {
    return children.isEmpty() || (children.size() == 1 && children.has("."));
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "managedFields key " + json + " is not JSON; the live object's fieldsV1 is malformed", e);
    }
  }
}
