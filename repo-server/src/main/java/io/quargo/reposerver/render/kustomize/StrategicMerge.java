package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge of a patch into an object, as kustomize's merge2 does: maps merge, null deletes,
 * lists of built-in kinds merge by their Kubernetes merge key (containers by name, ports by
 * containerPort…) or are replaced, lists of custom resources are replaced (kustomize has no schema
 * for them); {@code $patch: delete} and {@code $patch: replace} are honoured. Elements named by the
 * patch come first, then the object's other elements (kustomize's "prepend" list direction).
 */
final class StrategicMerge {

  private static final Set<String> BUILT_IN_GROUPS =
      Set.of(
          "",
          "apps",
          "batch",
          "policy",
          "autoscaling",
          "networking.k8s.io",
          "rbac.authorization.k8s.io",
          "storage.k8s.io",
          "scheduling.k8s.io",
          "extensions",
          "admissionregistration.k8s.io",
          "apiextensions.k8s.io",
          "apiregistration.k8s.io",
          "coordination.k8s.io",
          "discovery.k8s.io",
          "node.k8s.io",
          "certificates.k8s.io");

  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("env", "name"),
          Map.entry("volumes", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("hostAliases", "ip"),
          Map.entry("topologySpreadConstraints", "topologyKey"),
          Map.entry("conditions", "type"),
          Map.entry("resourceClaims", "name"),
          Map.entry("schedulingGates", "name"));

  private StrategicMerge() {}

  /** The merged object, or null when the patch deletes it ({@code $patch: delete} at the top). */
  static ObjectNode apply(ObjectNode target, ObjectNode patch) {
    String directive = patch.path("$patch").asText("");
    if (directive.equals("delete")) {
      return null;
    }
    Gvk gvk = Gvk.of(target);
    boolean builtIn = BUILT_IN_GROUPS.contains(gvk.group());
    ObjectNode result = target.deepCopy();
    if (directive.equals("replace")) {
      ObjectNode replaced = patch.deepCopy();
      replaced.remove("$patch");
      return replaced;
    }
    mergeMap(result, patch, builtIn, gvk.kind(), "");
    return result;
  }

  private static void mergeMap(
      ObjectNode target, ObjectNode patch, boolean builtIn, String kind, String path) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.equals("$patch")) {
        continue;
      }
      if (key.startsWith("$")) {
        throw new KustomizeException(
            null, "strategic merge directive \"" + key + "\" is not supported by Quargo's engine");
      }
      if (value.isNull()) {
        target.remove(key);
        continue;
      }
      JsonNode existing = target.get(key);
      String childPath = path + "/" + key;
      if (value.isObject()) {
        String directive = value.path("$patch").asText("");
        if (directive.equals("delete")) {
          target.remove(key);
        } else if (directive.equals("replace")) {
          ObjectNode copy = ((ObjectNode) value).deepCopy();
          copy.remove("$patch");
          target.set(key, copy);
        } else if (existing instanceof ObjectNode map) {
          mergeMap(map, (ObjectNode) value, builtIn, kind, childPath);
        } else {
          ObjectNode fresh = target.objectNode();
          mergeMap(fresh, (ObjectNode) value, builtIn, kind, childPath);
          target.set(key, fresh);
        }
      } else if (value.isArray() && existing instanceof ArrayNode list) {
        target.set(key, mergeList(list, (ArrayNode) value, builtIn, kind, childPath, key));
      } else {
        target.set(key, clean(value));
      }
    }
  }

  private static JsonNode mergeList(
      ArrayNode target, ArrayNode patch, boolean builtIn, String kind, String path, String field) {
    String mergeKey = mergeKey(builtIn, kind, path, field, target, patch);
    if (mergeKey == null) {
      return clean(patch);
    }
    Map<String, JsonNode> patchByKey = new LinkedHashMap<>();
    List<String> deleted = new ArrayList<>();
    for (JsonNode element : patch) {
      if (element.isObject() && element.path("$patch").asText("").equals("replace")) {
        return clean(patch);
      }
      String k = element.path(mergeKey).asText();
      if (element.path("$patch").asText("").equals("delete")) {
        deleted.add(k);
      } else {
        patchByKey.put(k, element);
      }
    }
    Map<String, JsonNode> targetByKey = new LinkedHashMap<>();
    for (JsonNode element : target) {
      targetByKey.put(element.path(mergeKey).asText(), element);
    }
    ArrayNode result = target.arrayNode();
    for (Map.Entry<String, JsonNode> e : patchByKey.entrySet()) {
      JsonNode existing = targetByKey.get(e.getKey());
      if (existing instanceof ObjectNode map && e.getValue() instanceof ObjectNode p) {
        ObjectNode merged = map.deepCopy();
        mergeMap(merged, p, builtIn, kind, path);
        result.add(merged);
      } else {
        result.add(clean(e.getValue()));
      }
    }
    for (Map.Entry<String, JsonNode> e : targetByKey.entrySet()) {
      if (!patchByKey.containsKey(e.getKey()) && !deleted.contains(e.getKey())) {
        result.add(e.getValue());
      }
    }
    return result;
  }

  private static String mergeKey(
      boolean builtIn, String kind, String path, String field, ArrayNode target, ArrayNode patch) {
    if (builtIn) {
      if (field.equals("ports")) {
        if (path.endsWith("/containers/ports")
            || path.endsWith("/initContainers/ports")
            || path.endsWith("/ephemeralContainers/ports")) {
          return "containerPort";
        }
        return kind.equals("Service") && path.equals("/spec/ports") ? "port" : null;
      }
      return MERGE_KEYS.get(field);
    }
    // Kinds without a built-in schema (custom resources): kustomize replaces their lists.
    return null;
  }

  /** The patch value without directives, for places where nothing is merged. */
  private static JsonNode clean(JsonNode value) {
    if (value instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (!e.getKey().equals("$patch") && !e.getValue().isNull()) {
          copy.set(e.getKey(), clean(e.getValue()));
        }
      }
      return copy;
    }
    if (value instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(element -> copy.add(clean(element)));
      return copy;
    }
    return value;
  }
}
