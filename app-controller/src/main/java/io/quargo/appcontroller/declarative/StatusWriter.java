package io.quargo.appcontroller.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a stored app's status back to its Application resource as a JSON merge patch of {@code
 * status} (the status subresource when the cluster serves one, else the object), only when it
 * differs from what the resource shows, so {@code kubectl get applications} shows sync and health.
 */
@ApplicationScoped
public class StatusWriter {

  private final ApplicationRepository apps;
  private final KubernetesClient client;

  public StatusWriter(ApplicationRepository apps, KubernetesClient client) {
    this.apps = apps;
    this.client = client;
  }

  /** Patches the resource's status when the stored app's differs; true when it patched. */
  public boolean write(Application resource) {
    var meta = resource.getMetadata();
    Optional<Application> stored = apps.find(meta.getNamespace(), meta.getName());
    if (stored.isEmpty() || !Ownership.fromResource(stored.get().getMetadata())) {
      return false;
    }
    JsonNode want = Json.mapper().valueToTree(stored.get().getStatus());
    JsonNode have = Json.mapper().valueToTree(resource.getStatus());
    return patch(resource, want, have);
  }

  /** Shows a problem importing the resource as an InvalidSpecError condition on it. */
  public void invalid(Application resource, String message) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    ObjectNode condition = status.putArray("conditions").addObject();
    condition.put("type", "InvalidSpecError");
    condition.put("message", message);
    JsonNode have = Json.mapper().valueToTree(resource.getStatus());
    if (have != null && have.path("conditions").equals(status.path("conditions"))) {
      return;
    }
    patch(resource, status, have);
  }

  private boolean patch(Application resource, JsonNode want, JsonNode have) {
    JsonNode wanted = want == null || want.isNull() ? JsonNodeFactory.instance.objectNode() : want;
    JsonNode had = have == null || have.isNull() ? JsonNodeFactory.instance.objectNode() : have;
    if (wanted.equals(had)) {
      return false;
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("status", mergePatch(had, wanted));
    var target =
        client
            .resources(Application.class)
            .inNamespace(resource.getMetadata().getNamespace())
            .withName(resource.getMetadata().getName());
    PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
    try {
      target.subresource("status").patch(merge, body.toString());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 && e.getCode() != 405) {
        throw e;
      }
      target.patch(merge, body.toString());
    }
    return true;
  }

  /** The RFC 7386 merge patch that turns {@code from} into {@code to}. */
  static JsonNode mergePatch(JsonNode from, JsonNode to) {
    if (!from.isObject() || !to.isObject()) {
      return to;
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    for (Iterator<String> names = from.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!to.has(name)) {
        patch.putNull(name);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = to.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode old = from.get(field.getKey());
      if (old == null || !old.equals(field.getValue())) {
        patch.set(
            field.getKey(), old == null ? field.getValue() : mergePatch(old, field.getValue()));
      }
    }
    return patch;
  }
}
