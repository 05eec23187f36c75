package io.quargo.reposerver.render.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges Helm values files as {@code helm -f a.yaml -f b.yaml} does: maps merge key by key, any
 * other value of the later file replaces the earlier one; a {@code null} is kept, so that Helm
 * removes the chart's default for that key.
 */
final class HelmValues {

  private HelmValues() {}

  /** {@code base} with {@code over} merged into it ({@code base} is changed and returned). */
  static ObjectNode merge(ObjectNode base, ObjectNode over) {
    over.properties()
        .forEach(
            e -> {
              JsonNode mine = base.get(e.getKey());
              JsonNode theirs = e.getValue();
              if (mine instanceof ObjectNode m && theirs instanceof ObjectNode t) {
                merge(m, t);
              } else {
                base.set(e.getKey(), theirs.deepCopy());
              }
            });
    return base;
  }
}
