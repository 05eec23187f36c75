package io.quargo.reposerver.render.kustomize;

/** An object's identity: GVK, name and namespace (empty when unset). */
record ResId(Gvk gvk, String name, String namespace) {

  /** The namespace as kustomize compares it: unset means "default" for namespaced kinds. */
  String effectiveNamespace() {
    if (gvk.clusterScoped()) {
      return "~cluster";
    }
    return namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  /** Same GVK and name, and the same effective namespace. */
  boolean sameAs(ResId other) {
    return gvk.equals(other.gvk)
        && name.equals(other.name)
        && effectiveNamespace().equals(other.effectiveNamespace());
  }

  @Override
  public String toString() {
    return gvk.kind()
        + "."
        + gvk.apiVersion()
        + "/"
        + name
        + (namespace == null || namespace.isEmpty() ? "" : "." + namespace);
  }
}
