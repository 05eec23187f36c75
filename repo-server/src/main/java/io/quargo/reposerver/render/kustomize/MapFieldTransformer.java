package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Adds key/value pairs to map fields (labels, selectors, annotations) chosen by field specs. */
final class MapFieldTransformer {

  private MapFieldTransformer() {}

  static void apply(ResourceMap resources, Map<String, String> pairs, List<FieldSpec> specs) {
    if (pairs.isEmpty()) {
      return;
    }
    for (KResource resource : resources) {
      Gvk gvk = resource.gvk();
      for (FieldSpec spec : specs) {
        if (!spec.selects(gvk)) {
          continue;
        }
        spec.visit(
            resource.object,
            (parent, field) -> {
              JsonNode existing = parent.get(field);
              ObjectNode target;
              if (existing instanceof ObjectNode o) {
                target = o;
              } else if (spec.create() && (existing == null || existing.isNull())) {
                target = parent.putObject(field);
              } else {
                return;
              }
              pairs.forEach(target::put);
            });
      }
    }
  }
}
