package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.k8s.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A patch's {@code target}: group, version and kind (exact), name and namespace (anchored regular
 * expressions, matched against the original or the current id), label and annotation selectors.
 */
record PatchTarget(
    String group,
    String version,
    String kind,
    String name,
    String namespace,
    String labelSelector,
    String annotationSelector) {

  static PatchTarget parse(JsonNode node, String file) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!List.of(
              "group",
              "version",
              "kind",
              "name",
              "namespace",
              "labelSelector",
              "annotationSelector")
          .contains(e.getKey())) {
        throw new KustomizeException(file, "unknown field \"" + e.getKey() + "\" in patch target");
      }
    }
    return new PatchTarget(
        text(node, "group"),
        text(node, "version"),
        text(node, "kind"),
        text(node, "name"),
        text(node, "namespace"),
        text(node, "labelSelector"),
        text(node, "annotationSelector"));
  }

  boolean selects(KResource resource) {
    ResId org = resource.orgId();
    ResId cur = resource.curId();
    if (!namespace.isEmpty()
        && !matches(namespace, org.effectiveNamespace())
        && !matches(namespace, cur.effectiveNamespace())) {
      return false;
    }
    if (!name.isEmpty() && !matches(name, org.name()) && !matches(name, cur.name())) {
      return false;
    }
    if (!resource.gvk().selectedBy(group, version, kind)) {
      return false;
    }
    return LabelSelector.parse(labelSelector)
            .matchesJson(resource.object.path("metadata").path("labels"))
        && LabelSelector.parse(annotationSelector)
            .matchesJson(resource.object.path("metadata").path("annotations"));
  }

  private static boolean matches(String regex, String value) {
    return Pattern.compile("^(?:" + regex + ")$").matcher(value).matches();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
