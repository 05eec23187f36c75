package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;

/**
 * The patch of Argo CD's PatchResource, checked before anything is sent to the cluster: the body is
 * the patch as a JSON string (Argo's {@code body: "patch"}) or the patch itself; {@code patchType}
 * is one of the three Kubernetes patch media types (default: JSON merge patch). A merge or
 * strategic merge patch must be an object, a JSON patch an array.
 */
record ResourcePatch(PatchType type, String text) {

  static final String MERGE = "application/merge-patch+json";
  static final String JSON_PATCH = "application/json-patch+json";
  static final String STRATEGIC = "application/strategic-merge-patch+json";

  /** Reads {@code body} (raw request text) as a patch of media type {@code patchType}. */
  static ResourcePatch of(String body, String patchType) {
    PatchType type = type(patchType);
    JsonNode patch = parse(body, "the body");
    if (patch.isTextual()) {
      patch = parse(patch.asText(), "the patch string");
    }
    if (type == PatchType.JSON && !patch.isArray()) {
      throw ProblemException.invalid(
          "patch", "a " + JSON_PATCH + " patch must be an array of operations (RFC 6902)");
    }
    if (type != PatchType.JSON && !patch.isObject()) {
      throw ProblemException.invalid(
          "patch", "a " + mediaType(type) + " patch must be a JSON object");
    }
    return new ResourcePatch(type, patch.toString());
  }

  private static PatchType type(String patchType) {
    if (patchType == null || patchType.isBlank()) {
      return PatchType.JSON_MERGE;
    }
    return switch (patchType.trim()) {
      case MERGE -> PatchType.JSON_MERGE;
      case JSON_PATCH -> PatchType.JSON;
      case STRATEGIC -> PatchType.STRATEGIC_MERGE;
      default ->
          throw ProblemException.invalid(
              "patchType",
              "\""
                  + patchType
                  + "\" is not one of "
                  + MERGE
                  + ", "
                  + JSON_PATCH
                  + ", "
                  + STRATEGIC);
    };
  }

  static String mediaType(PatchType type) {
    return switch (type) {
      case JSON -> JSON_PATCH;
      case STRATEGIC_MERGE -> STRATEGIC;
      default -> MERGE;
    };
  }

  private static JsonNode parse(String text, String what) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid(
          "patch", "is required: send the patch as the body, as a JSON string or as JSON");
    }
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw ProblemException.invalid("patch", what + " is not JSON: " + e.getMessage());
    }
  }
}
