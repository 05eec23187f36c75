package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.RetryStrategy;
import io.quargo.common.problem.ProblemException;
import java.util.Map;

/**
 * Reads the object fields of Argo's SyncRequest body: {@code strategy} ({@code {apply|hook:
 * {force}}}) and {@code retryStrategy} ({@code {limit, backoff: {duration, factor, maxDuration}}});
 * 400 naming the field when one is not an object of that shape.
 */
final class SyncRequestFields {

  private SyncRequestFields() {}

  /** {@code body.strategy} as a map, null when absent. */
  static Map<String, Object> strategy(JsonNode body) {
    JsonNode node = object(body, "strategy", "{\"apply\": {\"force\": true}} or {\"hook\": {}}");
    return node == null ? null : Json.mapper().convertValue(node, new TypeReference<>() {});
  }

  /** {@code body.retryStrategy}, null when absent. */
  static RetryStrategy retryStrategy(JsonNode body) {
    JsonNode node =
        object(
            body,
            "retryStrategy",
            "{\"limit\": 3, \"backoff\": {\"duration\": \"5s\", \"factor\": 2, \"maxDuration\":"
                + " \"3m\"}}");
    if (node == null) {
      return null;
    }
    try {
      return Json.mapper().convertValue(node, RetryStrategy.class);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "retryStrategy",
          "limit and backoff.factor are whole numbers, backoff.duration and maxDuration"
              + " durations such as 5s; e.g. "
              + node);
    }
  }

  private static JsonNode object(JsonNode body, String field, String example) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ProblemException.invalid(field, "must be an object such as " + example);
    }
    return node;
  }
}
