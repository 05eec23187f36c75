package io.quargo.devstack.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.quargo.common.k8s.ObjectMerge;
import java.util.ArrayList;
import java.util.List;

/** The {@code /scale} subresource as {@code autoscaling/v1 Scale}, over spec.replicas. */
final class ScaleSubresource {
  private final StoreAccess store;

  ScaleSubresource(StoreAccess store) {
    this.store = store;
  }

  MockResponse handle(ResourcePath path, String method, String contentType, String body) {
    JsonNode current = store.get(path.objectPath());
    if (current == null) {
      return Responses.failure(
          404, "NotFound", path.plural() + " \"" + path.name() + "\" not found");
    }
    if (method.equals("GET")) {
      return Responses.json(200, scaleOf(current).toString());
    }
    JsonNode request = StoreAccess.parse(body);
    JsonNode wanted =
        method.equals("PATCH") && contentType != null && contentType.contains("json-patch")
            ? null
            : ObjectMerge.mergePatch(scaleOf(current), request);
    if (wanted == null || !wanted.path("spec").path("replicas").isInt()) {
      return Responses.failure(
          422,
          "Invalid",
          "a Scale for "
              + path.plural()
              + " \""
              + path.name()
              + "\" needs an integer spec.replicas (send it with PUT or a merge patch)");
    }
    ObjectNode updated = current.deepCopy();
    updated.with("spec").put("replicas", wanted.path("spec").path("replicas").asInt());
    PatchRequests.restoreStatus(updated, current);
    MockResponse stored = store.send(HttpMethod.PUT, path.objectPath(), updated);
    if (stored.code() != 200) {
      return stored;
    }
    return Responses.json(200, scaleOf(StoreAccess.parse(StoreAccess.bodyOf(stored))).toString());
  }

  static ObjectNode scaleOf(JsonNode object) {
    ObjectNode scale = StoreAccess.JSON.createObjectNode();
    scale.put("apiVersion", "autoscaling/v1").put("kind", "Scale");
    ObjectNode meta = scale.putObject("metadata");
    JsonNode m = object.path("metadata");
    for (String f : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (m.has(f)) {
        meta.set(f, m.get(f));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    List<String> selector = new ArrayList<>();
    object
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .fields()
        .forEachRemaining(e -> selector.add(e.getKey() + "=" + e.getValue().asText()));
    status.put("selector", String.join(",", selector));
    return scale;
  }
}
