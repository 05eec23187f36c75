package io.quargo.appcontroller.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds a cluster serves, read from discovery ({@code /api/v1}, {@code /apis/G/V}) once and
 * again on {@link #refresh()} (e.g. after a CRD was applied). Thread-safe.
 */
public final class ApiCatalog {

  private final KubernetesClient client;
  private volatile Map<String, List<ApiKind>> byGroupKind;

  public ApiCatalog(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The kind of {@code apiVersion}/{@code kind}: the exact version when served, else another
   * version of the same group and kind; empty when the cluster does not serve it.
   */
  public Optional<ApiKind> find(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    List<ApiKind> candidates = kinds().getOrDefault(group + "/" + kind, List.of());
    return candidates.stream()
        .filter(k -> k.version().equals(version))
        .findFirst()
        .or(() -> candidates.stream().findFirst());
  }

  /** One listable version of every kind the cluster serves (the preferred one first seen). */
  public List<ApiKind> listableKinds() {
    List<ApiKind> result = new ArrayList<>();
    for (List<ApiKind> versions : kinds().values()) {
      versions.stream().filter(ApiKind::listable).findFirst().ifPresent(result::add);
    }
    return result;
  }

  /** Forgets what discovery said; the next lookup asks the server again. */
  public void refresh() {
    byGroupKind = null;
  }

  private Map<String, List<ApiKind>> kinds() {
    Map<String, List<ApiKind>> current = byGroupKind;
    if (current == null) {
      current = discover();
      byGroupKind = current;
    }
    return current;
  }

  private Map<String, List<ApiKind>> discover() {
    Map<String, List<ApiKind>> result = new LinkedHashMap<>();
    add(result, "", "v1", client.getApiResources("v1"));
    for (APIGroup group : client.getApiGroups().getGroups()) {
      List<String> versions = new ArrayList<>();
      if (group.getPreferredVersion() != null) {
        versions.add(group.getPreferredVersion().getVersion());
      }
      for (GroupVersionForDiscovery v : group.getVersions()) {
        if (!versions.contains(v.getVersion())) {
          versions.add(v.getVersion());
        }
      }
      for (String version : versions) {
        add(
            result,
            group.getName(),
            version,
            client.getApiResources(group.getName() + "/" + version));
      }
    }
    return result;
  }

  private static void add(
      Map<String, List<ApiKind>> result, String group, String version, APIResourceList list) {
    if (list == null) {
      return;
    }
    for (APIResource resource : list.getResources()) {
      if (resource.getName().contains("/")) {
        continue; // subresources such as deployments/scale
      }
      ApiKind kind =
          new ApiKind(
              group,
              version,
              resource.getKind(),
              resource.getName(),
              Boolean.TRUE.equals(resource.getNamespaced()),
              resource.getVerbs());
      result.computeIfAbsent(group + "/" + kind.kind(), k -> new ArrayList<>()).add(kind);
    }
  }
}
