package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Argo CD Application's {@code spec.source.kustomize} (as JSON) into {@link
 * KustomizeOverrides}, refusing the options Quargo does not implement rather than ignoring them.
 */
public final class ArgoKustomizeSource {

  private static final Set<String> SUPPORTED =
      Set.of(
          "images",
          "namePrefix",
          "nameSuffix",
          "commonLabels",
          "forceCommonLabels",
          "labelWithoutSelector",
          "labelIncludeTemplates",
          "commonAnnotations",
          "forceCommonAnnotations",
          "namespace",
          "replicas",
          "patches",
          "components");

  private ArgoKustomizeSource() {}

  /** The overrides of {@code kustomize}; null or an empty object means none. */
  public static KustomizeOverrides overrides(JsonNode kustomize) {
    if (kustomize == null || kustomize.isNull() || kustomize.isEmpty()) {
      return KustomizeOverrides.NONE;
    }
    for (String field : (Iterable<String>) kustomize::fieldNames) {
      if (!SUPPORTED.contains(field)) {
        throw new UnsupportedKustomizationException(
            "spec.source.kustomize", field, "an Application option Quargo does not implement");
      }
    }
    List<String> images = strings(kustomize.get("images"));
    List<KustomizeOverrides.Replica> replicas = new ArrayList<>();
    for (JsonNode r : kustomize.path("replicas")) {
      JsonNode count = r.path("count");
      if (!count.canConvertToLong() && !count.asText("").matches("\\d+")) {
        throw new KustomizeException(
            "spec.source.kustomize", "replicas count of " + r.path("name") + " is not a number");
      }
      replicas.add(
          new KustomizeOverrides.Replica(
              r.path("name").asText(),
              count.canConvertToLong() ? count.asLong() : Long.parseLong(count.asText())));
    }
    List<JsonNode> patches = new ArrayList<>();
    kustomize.path("patches").forEach(patches::add);
    return new KustomizeOverrides(
        images,
        text(kustomize, "namePrefix"),
        text(kustomize, "nameSuffix"),
        map(kustomize.get("commonLabels")),
        kustomize.path("forceCommonLabels").asBoolean(false),
        kustomize.path("labelWithoutSelector").asBoolean(false),
        kustomize.path("labelIncludeTemplates").asBoolean(false),
        map(kustomize.get("commonAnnotations")),
        kustomize.path("forceCommonAnnotations").asBoolean(false),
        text(kustomize, "namespace"),
        replicas,
        patches,
        strings(kustomize.get("components")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) {
      node.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null) {
      node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    }
    return map;
  }
}
