package io.quargo.reposerver.render.kustomize;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kustomize's default ("legacy") output order: Namespaces, quotas, CRDs, RBAC, ConfigMaps, Secrets,
 * Services… first, webhook configurations last, others in between by group, version and kind;
 * objects of one GVK by namespace then name.
 */
final class LegacyOrder {

  static final List<String> FIRST =
      List.of(
          "Namespace",
          "ResourceQuota",
          "StorageClass",
          "CustomResourceDefinition",
          "ServiceAccount",
          "PodSecurityPolicy",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "ConfigMap",
          "Secret",
          "Endpoints",
          "Service",
          "LimitRange",
          "PriorityClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "Deployment",
          "StatefulSet",
          "CronJob",
          "PodDisruptionBudget");

  static final List<String> LAST =
      List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  private LegacyOrder() {}

  /** The default legacy order. */
  static final Comparator<KResource> COMPARATOR = comparator(FIRST, LAST);

  /** The legacy order with other first and last kinds ({@code sortOptions.legacySortOptions}). */
  static Comparator<KResource> comparator(List<String> first, List<String> last) {
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < first.size(); i++) {
      rank.put(first.get(i), -first.size() + i);
    }
    for (int i = 0; i < last.size(); i++) {
      rank.put(last.get(i), 1 + i);
    }
    return (a, b) -> compare(a, b, rank);
  }

  private static int compare(KResource a, KResource b, Map<String, Integer> rank) {
    Gvk ga = a.gvk();
    Gvk gb = b.gvk();
    if (!ga.equals(gb)) {
      int ra = rank.getOrDefault(ga.kind(), 0);
      int rb = rank.getOrDefault(gb.kind(), 0);
      if (ra != rb) {
        return Integer.compare(ra, rb);
      }
      int byGvk = gvkString(ga).compareTo(gvkString(gb));
      if (ga.kind().equals("Namespace")
          && gb.kind().equals("Namespace")
          && (ga.group().isEmpty() || gb.group().isEmpty())) {
        return -byGvk;
      }
      return byGvk;
    }
    return idString(a).compareTo(idString(b));
  }

  private static String gvkString(Gvk gvk) {
    return String.join(
        "_",
        gvk.group().isEmpty() ? "~G" : gvk.group(),
        gvk.version().isEmpty() ? "~V" : gvk.version(),
        gvk.kind().isEmpty() ? "~K" : gvk.kind());
  }

  private static String idString(KResource r) {
    String ns = r.namespace().isEmpty() ? "~X" : r.namespace();
    String name = r.name().isEmpty() ? "~N" : r.name();
    return ns + "|" + name;
  }
}
