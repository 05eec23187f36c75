package io.quargo.gateway.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import java.util.function.Function;

/**
 * Trims a list answer ({@code {"items": [...]}}) to the items the caller may {@code get}, as Argo
 * CD's list routes do: an item the caller cannot see is left out, not refused.
 */
public final class VisibleItems {

  private VisibleItems() {}

  /**
   * Keeps the items of {@code list} whose RBAC object ({@code object} of the item) the caller may
   * {@code get} as {@code resource}; returns {@code list}, changed in place.
   */
  public static JsonNode filter(
      JsonNode list, Rbac.Decider decider, String resource, Function<JsonNode, String> object) {
    if (list instanceof ObjectNode answer && list.path("items").isArray()) {
      ArrayNode visible = Json.mapper().createArrayNode();
      for (JsonNode item : list.path("items")) {
        if (decider.can(resource, "get", object.apply(item))) {
          visible.add(item);
        }
      }
      answer.set("items", visible);
    }
    return list;
  }
}
