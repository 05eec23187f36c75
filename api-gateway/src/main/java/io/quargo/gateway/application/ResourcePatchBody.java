package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import java.util.List;

/**
 * The patch of Argo CD's PatchResource, checked at the gateway so that a bad one never reaches
 * app-controller: the body is the patch as a JSON string (Argo's {@code body: "patch"}) or the
 * patch itself, {@code patchType} one of the Kubernetes patch media types (default: JSON merge
 * patch); a merge or strategic merge patch is an object, a JSON patch an array.
 */
final class ResourcePatchBody {

  static final String MERGE = "application/merge-patch+json";
  static final String JSON_PATCH = "application/json-patch+json";
  static final String STRATEGIC = "application/strategic-merge-patch+json";
  static final List<String> TYPES = List.of(MERGE, JSON_PATCH, STRATEGIC);

  private ResourcePatchBody() {}

  /** The media type {@code patchType} names (blank: JSON merge patch); 400 for another. */
  static String type(String patchType) {
    if (patchType == null || patchType.isBlank()) {
      return MERGE;
    }
    if (!TYPES.contains(patchType.trim())) {
      throw ProblemException.invalid(
          "patchType", "\"" + patchType + "\" is not one of " + String.join(", ", TYPES));
    }
    return patchType.trim();
  }

  /** The patch of {@code body}, of media type {@code type}, as JSON. */
  static JsonNode patch(JsonNode body, String type) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw required();
    }
    JsonNode patch = body;
    if (body.isTextual()) {
      if (body.asText().isBlank()) {
        throw required();
      }
      try {
        patch = Json.mapper().readTree(body.asText());
      } catch (Exception e) {
        throw ProblemException.invalid("patch", "the patch string is not JSON: " + e.getMessage());
      }
    }
    if (type.equals(JSON_PATCH) && !patch.isArray()) {
      throw ProblemException.invalid(
          "patch", "a " + JSON_PATCH + " patch must be an array of operations (RFC 6902)");
    }
    if (!type.equals(JSON_PATCH) && !patch.isObject()) {
      throw ProblemException.invalid("patch", "a " + type + " patch must be a JSON object");
    }
    return patch;
  }

  private static ProblemException required() {
    return ProblemException.invalid(
        "patch", "is required: send the patch as the body, as a JSON string or as JSON");
  }
}
