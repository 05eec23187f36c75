package io.quargo.appcontroller.kube;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/** One resource type the API server serves, as discovery lists it. */
public record ApiKind(
    String group,
    String version,
    String kind,
    String plural,
    boolean namespaced,
    List<String> verbs) {

  public ApiKind {
    group = group == null ? "" : group;
    verbs = verbs == null ? List.of() : List.copyOf(verbs);
  }

  /** {@code apps/v1}, or {@code v1} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** True when the server lists this kind (needed to find an app's live objects). */
  public boolean listable() {
    return verbs.isEmpty() || verbs.contains("list");
  }

  /** The fabric8 context for generic operations on this kind. */
  public ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  @Override
  public String toString() {
    return apiVersion() + "/" + kind;
  }
}
