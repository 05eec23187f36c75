package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;

/** A Kubernetes API group (empty for the core group) and kind, read from an object's apiVersion. */
public record GroupKind(String group, String kind) {

  public GroupKind {
    group = group == null ? "" : group;
    kind = kind == null ? "" : kind;
  }

  public static GroupKind of(String group, String kind) {
    return new GroupKind(group, kind);
  }

  /**
   * The group and kind of {@code object}: {@code apps/v1} gives {@code apps}, {@code v1} gives "".
   */
  public static GroupKind of(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return new GroupKind(group, object.path("kind").asText(""));
  }

  @Override
  public String toString() {
    return group.isEmpty() ? kind : group + "/" + kind;
  }
}
