package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code namespace}: sets metadata.namespace on namespaced objects, renames a v1 Namespace object,
 * sets the namespace of (Cluster)RoleBinding subjects named "default", and the service namespace of
 * APIServices and CRD conversion webhooks.
 */
final class NamespaceTransformer {

  private NamespaceTransformer() {}

  static void apply(ResourceMap resources, String namespace) {
    if (namespace.isEmpty()) {
      return;
    }
    for (KResource resource : resources) {
      Gvk gvk = resource.gvk();
      String before = resource.namespace();
      String beforeName = resource.name();
      boolean changes =
          (!gvk.clusterScoped() && !before.equals(namespace))
              || (gvk.kind().equals("Namespace")
                  && gvk.apiVersion().equals("v1")
                  && !beforeName.equals(namespace));
      if (changes) {
        resource.storePreviousId();
      }
      if (!gvk.clusterScoped()) {
        resource.metadata().put("namespace", namespace);
      }
      if (gvk.kind().equals("Namespace") && gvk.apiVersion().equals("v1")) {
        resource.setName(namespace);
      }
      if (gvk.kind().equals("RoleBinding") || gvk.kind().equals("ClusterRoleBinding")) {
        JsonNode subjects = resource.object.get("subjects");
        if (subjects != null && subjects.isArray()) {
          for (JsonNode subject : subjects) {
            if (subject instanceof ObjectNode s && "default".equals(s.path("name").asText())) {
              s.put("namespace", namespace);
            }
          }
        }
      }
      if (gvk.kind().equals("APIService") && gvk.group().equals("apiregistration.k8s.io")) {
        new FieldSpec("", "", "", "spec/service/namespace", true)
            .visit(resource.object, (parent, field) -> parent.put(field, namespace));
      }
      if (gvk.kind().equals("CustomResourceDefinition")) {
        new FieldSpec("", "", "", "spec/conversion/webhook/clientConfig/service/namespace", false)
            .visit(
                resource.object,
                (parent, field) -> {
                  if (parent.has(field)) {
                    parent.put(field, namespace);
                  }
                });
      }
    }
  }
}
