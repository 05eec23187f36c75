package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Removes what is never compared: {@code status}, the server's metadata (managedFields,
 * resourceVersion, uid, generation, creationTimestamp, selfLink), the kubectl last-applied
 * annotation, nulls (a null means absent) and the empty maps that removal leaves in metadata.
 */
final class Normalizer {

  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final List<String> SERVER_METADATA =
      List.of(
          "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink");

  private Normalizer() {}

  /** A normalised copy of {@code object}; the argument is not changed. */
  static ObjectNode normalize(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove("status");
    if (copy.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove(SERVER_METADATA);
      if (metadata.get("annotations") instanceof ObjectNode annotations) {
        annotations.remove(LAST_APPLIED);
        if (annotations.isEmpty()) {
          metadata.remove("annotations");
        }
      }
      if (metadata.get("labels") instanceof ObjectNode labels && labels.isEmpty()) {
        metadata.remove("labels");
      }
    }
    dropNulls(copy);
    return copy;
  }

  private static void dropNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isNull()) {
          fields.remove();
        } else {
          dropNulls(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(Normalizer::dropNulls);
    }
  }
}
