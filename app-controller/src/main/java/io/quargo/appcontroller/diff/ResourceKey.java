package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Identifies a resource across desired and live state: group, kind, namespace ("" if none), name.
 */
public record ResourceKey(String group, String kind, String namespace, String name) {

  public ResourceKey {
    group = group == null ? "" : group;
    kind = kind == null ? "" : kind;
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
  }

  /** The key of {@code object}, its group taken from {@code apiVersion}. */
  public static ResourceKey of(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    JsonNode metadata = object.path("metadata");
    return new ResourceKey(
        slash < 0 ? "" : apiVersion.substring(0, slash),
        object.path("kind").asText(""),
        metadata.path("namespace").asText(""),
        metadata.path("name").asText(""));
  }

  /** The same resource in {@code namespace}. */
  public ResourceKey inNamespace(String namespace) {
    return new ResourceKey(group, kind, namespace, name);
  }

  @Override
  public String toString() {
    String gk = group.isEmpty() ? kind : group + "/" + kind;
    return gk + ":" + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
