package io.quargo.reposerver.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import io.quargo.common.problem.Problems;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.render.UnsupportedSourceException;
import java.util.List;

/**
 * Reads a request body in Argo CD's source shape. Fields this repo-server does not implement yet
 * but that would change the output (plugins, Jsonnet) are refused with 501 naming the field, never
 * ignored; fields without effect on rendering are ignored.
 */
final class SourceRequests {

  /** JSON pointers of fields that change the output and are not implemented yet. */
  private static final List<String> UNSUPPORTED = List.of("/plugin", "/directory/jsonnet");

  private SourceRequests() {}

  static ManifestSource read(ObjectNode body) {
    if (body == null) {
      throw ProblemException.invalid(
          "body", "a JSON source {repoURL, targetRevision, path} is required");
    }
    for (String pointer : UNSUPPORTED) {
      JsonNode value = body.at(pointer);
      if (!value.isMissingNode() && !value.isNull() && !isEmpty(value)) {
        String field = pointer.substring(1).replace('/', '.');
        String path = body.path("path").asText(".");
        throw new UnsupportedSourceException(
            path, "source field " + field + " is not supported yet; remove it or render elsewhere");
      }
    }
    try {
      return Json.mapper().treeToValue(body, ManifestSource.class);
    } catch (JsonProcessingException e) {
      throw new ProblemException(Problems.badJson(e));
    }
  }

  private static boolean isEmpty(JsonNode value) {
    return (value.isContainerNode() && value.isEmpty())
        || (value.isBoolean() && !value.booleanValue())
        || (value.isTextual() && value.asText().isEmpty());
  }
}
