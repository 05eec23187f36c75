package io.quargo.common.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON merge patch (RFC 7386) and a strategic merge patch that merges the common lists by their
 * merge keys, as the Kubernetes API server does for built-in kinds. The one table of list merge
 * keys in Quargo: the sandbox's patches, app-controller's diff and apply, and Kustomize's patches
 * all read it.
 */
public final class ObjectMerge {
  /** List field name to the merge keys tried in order (ports: containerPort, then port). */
  private static final Map<String, List<String>> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", List.of("name")),
          Map.entry("initContainers", List.of("name")),
          Map.entry("ephemeralContainers", List.of("name")),
          Map.entry("env", List.of("name")),
          Map.entry("ports", List.of("containerPort", "port")),
          Map.entry("volumeMounts", List.of("mountPath")),
          Map.entry("volumeDevices", List.of("devicePath")),
          Map.entry("volumes", List.of("name")),
          Map.entry("imagePullSecrets", List.of("name")),
          Map.entry("hostAliases", List.of("ip")),
          Map.entry("conditions", List.of("type")),
          Map.entry("ownerReferences", List.of("uid")));

  private ObjectMerge() {}

  /**
   * The merge keys of a list field, tried in order; empty when the API server replaces it whole.
   */
  public static Optional<List<String>> mergeKeys(String listField) {
    return Optional.ofNullable(MERGE_KEYS.get(listField));
  }

  /** RFC 7386: objects merge, everything else (arrays too) replaces, null deletes. */
  public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : ((ObjectNode) patch).objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /**
   * Strategic merge patch: a merge patch in which the lists named in {@link #MERGE_KEYS} merge
   * element by element on their key, {@code $patch: delete|replace} is honoured and the {@code
   * $setElementOrder}, {@code $retainKeys} and {@code $deleteFromPrimitiveList} directives are read
   * or dropped.
   */
  public static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    if ("replace".equals(patch.path("$patch").asText())) {
      ObjectNode copy = ((ObjectNode) patch).deepCopy();
      copy.remove("$patch");
      return copy;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : ((ObjectNode) patch).objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.startsWith("$deleteFromPrimitiveList/")) {
        deleteFromPrimitiveList(result, key.substring(key.indexOf('/') + 1), value);
      } else if (key.startsWith("$")) {
        continue; // $setElementOrder/..., $retainKeys, $patch: ordering and pruning hints
      } else if (value.isNull()) {
        result.remove(key);
      } else if (value.isArray() && MERGE_KEYS.containsKey(key) && isObjectList(value)) {
        result.set(key, mergeList(result.get(key), (ArrayNode) value, MERGE_KEYS.get(key)));
      } else {
        result.set(key, strategicMerge(result.get(key), value));
      }
    }
    return result;
  }

  private static boolean isObjectList(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode mergeList(JsonNode current, ArrayNode patch, List<String> keys) {
    if (current == null || !current.isArray()) {
      ArrayNode fresh = patch.arrayNode();
      patch.forEach(
          p -> {
            if (!"delete".equals(p.path("$patch").asText())) {
              fresh.add(strategicMerge(null, p));
            }
          });
      return fresh;
    }
    ArrayNode result = ((ArrayNode) current).deepCopy();
    for (JsonNode p : patch) {
      if ("replace".equals(p.path("$patch").asText())) {
        return strategicMerge(null, stripPatchDirective(patch));
      }
      String key = keys.stream().filter(p::has).findFirst().orElse(null);
      int index = key == null ? -1 : indexOf(result, key, p.get(key));
      if ("delete".equals(p.path("$patch").asText())) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0) {
        result.set(index, strategicMerge(result.get(index), p));
      } else {
        result.add(strategicMerge(null, p));
      }
    }
    return result;
  }

  private static JsonNode stripPatchDirective(ArrayNode patch) {
    ArrayNode out = patch.arrayNode();
    patch.forEach(
        p -> {
          if (!p.has("$patch")) {
            out.add(p);
          }
        });
    return out;
  }

  private static int indexOf(ArrayNode list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      if (value.equals(list.get(i).get(key))) {
        return i;
      }
    }
    return -1;
  }

  private static void deleteFromPrimitiveList(ObjectNode target, String field, JsonNode values) {
    JsonNode list = target.get(field);
    if (list == null || !list.isArray()) {
      return;
    }
    ArrayNode kept = target.arrayNode();
    list.forEach(
        v -> {
          boolean drop = false;
          for (JsonNode d : values) {
            drop |= d.equals(v);
          }
          if (!drop) {
            kept.add(v);
          }
        });
    target.set(field, kept);
  }
}
