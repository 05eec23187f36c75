package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox with what it lacks from a real API server: a change to an immutable field (a Job's
 * template or selector, a workload's selector, a Service's clusterIP) is refused with 422 Invalid
 * "field is immutable", as Kubernetes answers. Optionally refuses one create of a name, to see a
 * forced re-creation fail. A test stand-in, since the sandbox cannot validate fields.
 */
final class ImmutableFieldsServer implements ClusterWrites {

  private static final Map<String, List<String>> IMMUTABLE =
      Map.of(
          "Job", List.of("/spec/template", "/spec/selector"),
          "Deployment", List.of("/spec/selector"),
          "StatefulSet", List.of("/spec/selector"),
          "DaemonSet", List.of("/spec/selector"),
          "Service", List.of("/spec/clusterIP"));

  private final ClusterWrites cluster;
  private final Set<String> refuseCreateOnce = ConcurrentHashMap.newKeySet();

  ImmutableFieldsServer(ClusterObjects cluster) {
    this.cluster = ClusterWrites.of(cluster);
  }

  /** The next create of {@code name} fails with 422 (a create a real server refuses). */
  void refuseNextCreateOf(String name) {
    refuseCreateOnce.add(name);
  }

  @Override
  public Optional<ObjectNode> get(ApiKind kind, String namespace, String name) {
    return cluster.get(kind, namespace, name);
  }

  @Override
  public ObjectNode create(ApiKind kind, ObjectNode object) {
    String name = object.path("metadata").path("name").asText();
    if (refuseCreateOnce.remove(name)) {
      throw invalid(kind, name, "/metadata/name", "refused once by the test");
    }
    return cluster.create(kind, object);
  }

  @Override
  public ObjectNode mergePatch(ApiKind kind, String namespace, String name, ObjectNode patch) {
    for (String path : IMMUTABLE.getOrDefault(kind.kind(), List.of())) {
      if (!patch.at(path).isMissingNode()) {
        throw invalid(kind, name, path, "field is immutable");
      }
    }
    return cluster.mergePatch(kind, namespace, name, patch);
  }

  @Override
  public ObjectNode replace(ApiKind kind, ObjectNode object, String resourceVersion) {
    refuseImmutableChange(kind, object);
    return cluster.replace(kind, object, resourceVersion);
  }

  @Override
  public ObjectNode serverSideApply(ApiKind kind, ObjectNode object, String fieldManager) {
    refuseImmutableChange(kind, object);
    return cluster.serverSideApply(kind, object, fieldManager);
  }

  @Override
  public boolean delete(ApiKind kind, String namespace, String name, String propagation) {
    return cluster.delete(kind, namespace, name, propagation);
  }

  private void refuseImmutableChange(ApiKind kind, ObjectNode desired) {
    String namespace = desired.path("metadata").path("namespace").asText(null);
    String name = desired.path("metadata").path("name").asText();
    Optional<ObjectNode> live = cluster.get(kind, namespace, name);
    if (live.isEmpty()) {
      return;
    }
    for (String path : IMMUTABLE.getOrDefault(kind.kind(), List.of())) {
      JsonNode wanted = desired.at(path);
      if (!wanted.isMissingNode() && !containedIn(wanted, live.get().at(path))) {
        throw invalid(kind, name, path, "field is immutable");
      }
    }
  }

  /** Whether every field of {@code wanted} has the same value in {@code live}. */
  private static boolean containedIn(JsonNode wanted, JsonNode live) {
    if (wanted.isObject()) {
      var fields = wanted.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if (!containedIn(field.getValue(), live.path(field.getKey()))) {
          return false;
        }
      }
      return live.isObject();
    }
    if (wanted.isArray()) {
      if (!live.isArray() || live.size() != wanted.size()) {
        return false;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (!containedIn(wanted.get(i), live.get(i))) {
          return false;
        }
      }
      return true;
    }
    return wanted.equals(live);
  }

  /** As the API server words it: {@code Job.batch "x" is invalid: spec.template: ...}. */
  private static KubernetesClientException invalid(
      ApiKind kind, String name, String path, String reason) {
    String field = path.substring(1).replace('/', '.');
    String what = kind.kind() + (kind.group().isEmpty() ? "" : "." + kind.group());
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(422)
            .withReason("Invalid")
            .withMessage(
                "%s \"%s\" is invalid: %s: Invalid value: %s".formatted(what, name, field, reason))
            .build();
    return new KubernetesClientException(status);
  }
}
