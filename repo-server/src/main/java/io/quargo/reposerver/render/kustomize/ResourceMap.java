package io.quargo.reposerver.render.kustomize;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The ordered objects of a build, refusing duplicate ids as kustomize does. */
final class ResourceMap implements Iterable<KResource> {

  private final List<KResource> resources = new ArrayList<>();

  void append(KResource resource, String file) {
    for (KResource existing : resources) {
      if (existing.curId().sameAs(resource.curId())) {
        throw new KustomizeException(
            file,
            "may not add resource with an already registered id: "
                + resource.curId()
                + " (first from "
                + existing.origin
                + ", again from "
                + resource.origin
                + ")");
      }
    }
    resources.add(resource);
  }

  void appendAll(ResourceMap other, String file) {
    for (KResource resource : other.resources) {
      append(resource, file);
    }
  }

  /** Objects whose current or any previous id is {@code id}. */
  List<KResource> matchingAnyId(ResId id) {
    List<KResource> matches = new ArrayList<>();
    for (KResource resource : resources) {
      if (resource.hasId(id)) {
        matches.add(resource);
      }
    }
    return matches;
  }

  void replace(KResource old, KResource replacement) {
    resources.set(resources.indexOf(old), replacement);
  }

  void remove(KResource resource) {
    resources.remove(resource);
  }

  List<KResource> list() {
    return resources;
  }

  int size() {
    return resources.size();
  }

  @Override
  public Iterator<KResource> iterator() {
    return new ArrayList<>(resources).iterator();
  }
}
