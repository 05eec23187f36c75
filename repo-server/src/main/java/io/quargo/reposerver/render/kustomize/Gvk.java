package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Group, version and kind of a Kubernetes object, with kustomize's wildcard selection. */
record Gvk(String group, String version, String kind) {

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "StorageClass",
          "PriorityClass",
          "IngressClass",
          "RuntimeClass",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "APIService",
          "CSIDriver",
          "CSINode",
          "VolumeAttachment",
          "PodSecurityPolicy",
          "CertificateSigningRequest",
          "ComponentStatus",
          "FlowSchema",
          "PriorityLevelConfiguration",
          "TokenReview",
          "SubjectAccessReview",
          "SelfSubjectAccessReview",
          "SelfSubjectRulesReview");

  static Gvk of(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return new Gvk(group, version, object.path("kind").asText(""));
  }

  /** Whether a selector with these (possibly empty, meaning any) fields selects this GVK. */
  boolean selectedBy(String g, String v, String k) {
    return (empty(g) || g.equals(group))
        && (empty(v) || v.equals(version))
        && (empty(k) || k.equals(kind));
  }

  boolean clusterScoped() {
    return CLUSTER_SCOPED.contains(kind);
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }
}
