package io.quargo.devstack.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.quargo.common.k8s.ObjectMerge;
import java.io.IOException;
import java.util.function.BinaryOperator;

/**
 * PATCH computed by the sandbox itself: read the current object, merge (RFC 7386, strategic, or
 * server-side apply treated as a strategic merge without field ownership), store the result with a
 * PUT. JSON Patch stays with the stock store, which gets it right.
 */
final class PatchRequests {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final int ATTEMPTS = 5;
  private final StoreAccess store;
  private final ApiResourceTable table;

  PatchRequests(StoreAccess store, ApiResourceTable table) {
    this.store = store;
    this.table = table;
  }

  /** True when the sandbox computes this patch type itself. */
  static boolean handles(String contentType) {
    return contentType != null
        && (contentType.contains("merge-patch")
            || contentType.contains("strategic-merge-patch")
            || contentType.contains("apply-patch"));
  }

  MockResponse patch(ResourcePath path, String contentType, String body) {
    JsonNode patch;
    try {
      patch = contentType.contains("apply-patch") ? YAML.readTree(body) : StoreAccess.parse(body);
    } catch (IOException | RuntimeException e) {
      return Responses.failure(
          400, "BadRequest", "the " + contentType + " body is not valid: " + e.getMessage());
    }
    if (patch == null || !patch.isObject()) {
      return Responses.failure(400, "BadRequest", "a " + contentType + " body must be an object");
    }
    BinaryOperator<JsonNode> merge =
        contentType.contains("json-merge-patch") || contentType.contains("/merge-patch")
            ? ObjectMerge::mergePatch
            : ObjectMerge::strategicMerge;
    boolean apply = contentType.contains("apply-patch");
    boolean statusPath = "status".equals(path.subresource());
    boolean keepsStatus =
        !statusPath
            && table
                .find(path.groupVersion(), path.plural())
                .map(r -> r.has("status"))
                .orElse(false);
    boolean patchPinsVersion = patch.path("metadata").has("resourceVersion");
    String writePath = path.objectPath() + (statusPath ? "/status" : "");
    MockResponse last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      JsonNode current = store.get(path.objectPath());
      if (current == null) {
        return apply && !statusPath
            ? create(path, (ObjectNode) patch, keepsStatus)
            : Responses.failure(
                404, "NotFound", path.plural() + " \"" + path.name() + "\" not found");
      }
      ObjectNode merged = (ObjectNode) merge.apply(current, patch);
      if (keepsStatus) {
        restoreStatus(merged, current);
      }
      last = store.send(HttpMethod.PUT, writePath, merged);
      if (last.code() != 409 || patchPinsVersion) {
        return last.code() == 202 ? last.setResponseCode(200) : last;
      }
    }
    return last;
  }

  private MockResponse create(ResourcePath path, ObjectNode object, boolean dropStatus) {
    ObjectNode metadata = object.with("metadata");
    if (!metadata.has("name")) {
      metadata.put("name", path.name());
    }
    if (dropStatus) {
      resetStatus(object);
    }
    String collection = path.objectPath().substring(0, path.objectPath().lastIndexOf('/'));
    return store.send(HttpMethod.POST, collection, object);
  }

  /**
   * As the API server on create for a kind with a status subresource: the sent status is dropped
   * and the stored object has the empty one, {@code status: {}} (health checks such as Argo CD's
   * CronJob one tell "no status yet" from "not scheduled yet" by it).
   */
  static void resetStatus(ObjectNode object) {
    object.putObject("status");
  }

  static void restoreStatus(ObjectNode target, JsonNode current) {
    if (current.has("status")) {
      target.set("status", current.get("status").deepCopy());
    } else {
      target.remove("status");
    }
  }
}
