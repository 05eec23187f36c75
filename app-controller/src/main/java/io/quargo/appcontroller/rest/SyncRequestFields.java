package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.events.AppCommand;
import io.quargo.common.events.ResourceRef;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.RetryStrategy;
import io.quargo.common.problem.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Argo's SyncRequest body into the sync command: revision, prune, dryRun, resources,
 * syncOptions (a list or {@code {items: [...]}}), {@code strategy} ({@code {apply|hook: {force}}})
 * and {@code retryStrategy} ({@code {limit, backoff: {duration, factor, maxDuration}, refresh}});
 * 400 naming the field when an object field is not an object of that shape.
 */
final class SyncRequestFields {

  private SyncRequestFields() {}

  /**
   * The sync command {@code body} (null: an empty request) asks of app {@code namespace/name};
   * {@code operationId} unless the body names one.
   */
  static AppCommand.Sync command(String namespace, String name, JsonNode body, String operationId) {
    JsonNode b = body == null ? Json.mapper().createObjectNode() : body;
    List<ResourceRef> resources = new ArrayList<>();
    for (JsonNode r : b.path("resources")) {
      resources.add(
          new ResourceRef(
              r.path("group").asText(""),
              r.path("kind").asText(),
              r.path("namespace").asText(null),
              r.path("name").asText()));
    }
    JsonNode options = b.path("syncOptions");
    if (options.isObject()) {
      options = options.path("items");
    }
    List<String> syncOptions = new ArrayList<>();
    options.forEach(o -> syncOptions.add(o.asText()));
    String revision = b.path("revision").asText(null);
    return new AppCommand.Sync(
        namespace,
        name,
        revision == null || revision.isBlank() ? null : revision,
        b.path("prune").asBoolean(false),
        b.path("dryRun").asBoolean(false),
        resources,
        syncOptions,
        b.path("operationId").asText(operationId),
        b.path("username").asText("rest"),
        Instant.now(),
        strategy(b),
        retryStrategy(b));
  }

  /** {@code body.strategy} as a map, null when absent. */
  private static Map<String, Object> strategy(JsonNode body) {
    JsonNode node = object(body, "strategy", "{\"apply\": {\"force\": true}} or {\"hook\": {}}");
    return node == null ? null : Json.mapper().convertValue(node, new TypeReference<>() {});
  }

  /** {@code body.retryStrategy}, null when absent. */
  private static RetryStrategy retryStrategy(JsonNode body) {
    JsonNode node =
        object(
            body,
            "retryStrategy",
            "{\"limit\": 3, \"backoff\": {\"duration\": \"5s\", \"factor\": 2, \"maxDuration\":"
                + " \"3m\"}, \"refresh\": true}");
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
