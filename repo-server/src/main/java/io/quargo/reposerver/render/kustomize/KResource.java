package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One object in a build with what kustomize tracks beside it: the ids it had before renames, the
 * name prefixes and suffixes applied to it (the "kustomize context" name references match on),
 * whether a generator asked for a content-hash suffix, and the file it came from.
 */
final class KResource {

  ObjectNode object;
  final String origin;
  final List<ResId> previousIds = new ArrayList<>();
  final List<String> prefixes = new ArrayList<>();
  final List<String> suffixes = new ArrayList<>();
  boolean needsHash;
  String behavior = "create";

  KResource(ObjectNode object, String origin) {
    this.object = object;
    this.origin = origin;
  }

  Gvk gvk() {
    return Gvk.of(object);
  }

  String name() {
    return object.path("metadata").path("name").asText("");
  }

  String namespace() {
    return object.path("metadata").path("namespace").asText("");
  }

  ResId curId() {
    return new ResId(gvk(), name(), namespace());
  }

  /** The first id this object had in the build. */
  ResId orgId() {
    return previousIds.isEmpty() ? curId() : previousIds.get(0);
  }

  /** Whether the current or any previous id is {@code id}. */
  boolean hasId(ResId id) {
    if (curId().sameAs(id)) {
      return true;
    }
    for (ResId previous : previousIds) {
      if (previous.sameAs(id)) {
        return true;
      }
    }
    return false;
  }

  void storePreviousId() {
    rememberId(curId());
  }

  /** Records {@code id} as one this object had (namespace as kustomize stores it). */
  void rememberId(ResId id) {
    String ns = id.gvk().clusterScoped() ? "" : id.effectiveNamespace();
    previousIds.add(new ResId(id.gvk(), id.name(), ns));
  }

  ObjectNode metadata() {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode m) {
      return m;
    }
    return object.putObject("metadata");
  }

  void setName(String name) {
    metadata().put("name", name);
  }

  KResource copy() {
    KResource copy = new KResource(object.deepCopy(), origin);
    copy.previousIds.addAll(previousIds);
    copy.prefixes.addAll(prefixes);
    copy.suffixes.addAll(suffixes);
    copy.needsHash = needsHash;
    copy.behavior = behavior;
    return copy;
  }

  /** Takes over another object's tracking data (for generator merge and replace). */
  void copyTrackingFrom(KResource other) {
    previousIds.clear();
    previousIds.addAll(other.previousIds);
    prefixes.clear();
    prefixes.addAll(other.prefixes);
    suffixes.clear();
    suffixes.addAll(other.suffixes);
  }

  @Override
  public String toString() {
    return curId() + (origin == null ? "" : " from " + origin);
  }
}
