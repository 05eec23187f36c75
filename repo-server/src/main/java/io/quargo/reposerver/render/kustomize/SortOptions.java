package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The top kustomization's {@code sortOptions} (kustomize reads it only there): {@code legacy}, the
 * default, optionally with its own first and last kinds, or {@code fifo} (no sorting).
 */
final class SortOptions {

  private SortOptions() {}

  /** The order to sort by, or null for FIFO. */
  static Comparator<KResource> of(Kustomization top) {
    JsonNode options = top.spec.get("sortOptions");
    if (options == null || options.isNull()) {
      return LegacyOrder.COMPARATOR;
    }
    for (String field : (Iterable<String>) options::fieldNames) {
      if (!field.equals("order") && !field.equals("legacySortOptions")) {
        throw new KustomizeException(top.file, "unknown field \"" + field + "\" in sortOptions");
      }
    }
    String order = options.path("order").asText("");
    JsonNode legacy = options.get("legacySortOptions");
    if (order.equals("fifo")) {
      if (legacy != null && !legacy.isNull()) {
        throw new KustomizeException(
            top.file, "sortOptions.legacySortOptions is set but the order is fifo, not legacy");
      }
      return null;
    }
    if (!order.equals("legacy")) {
      throw new KustomizeException(top.file, "sortOptions.order must be fifo or legacy");
    }
    if (legacy == null || legacy.isNull()) {
      return LegacyOrder.COMPARATOR;
    }
    return LegacyOrder.comparator(
        strings(legacy.get("orderFirst")), strings(legacy.get("orderLast")));
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) {
      node.forEach(v -> values.add(v.asText()));
    }
    return values;
  }
}
