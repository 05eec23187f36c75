package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.appcontroller.kube.ApiKind;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * kubectl's {@code --force}: delete a live object (background propagation), wait until it is gone,
 * write the desired one; when that write fails, put the old object back and report both. Never for
 * Namespaces and CRDs, whose deletion would take everything in them along (Argo CD updates those
 * instead).
 */
final class ForcedRecreation {

  private final ClusterWrites cluster;
  private final SyncConfig config;

  ForcedRecreation(ClusterWrites cluster, SyncConfig config) {
    this.cluster = cluster;
    this.config = config;
  }

  /**
   * Whether kubectl's apply would delete and re-create after {@code e}: the API server refused the
   * change as Invalid (422, e.g. "field is immutable") or as a Conflict (409).
   */
  static boolean refusedChange(KubernetesClientException e) {
    return e.getCode() == 422 || e.getCode() == 409;
  }

  /** The server's own words for {@code e} (its Status message), else the client's message. */
  static String reason(KubernetesClientException e) {
    String message = e.getStatus() == null ? null : e.getStatus().getMessage();
    return message == null || message.isBlank() ? e.getMessage() : message;
  }

  /** Namespaces and CRDs are never deleted to force a change. */
  static boolean allowedFor(ApiKind kind) {
    boolean namespace = kind.group().isEmpty() && "Namespace".equals(kind.kind());
    boolean crd =
        "apiextensions.k8s.io".equals(kind.group())
            && "CustomResourceDefinition".equals(kind.kind());
    return !namespace && !crd;
  }

  /**
   * Deletes {@code live}, waits until it is gone, then runs {@code write} (which creates the
   * desired object) and returns its message; restores {@code live} when {@code write} fails.
   */
  String recreate(ApiKind kind, ObjectNode live, Supplier<String> write) {
    String namespace = live.path("metadata").path("namespace").asText(null);
    String name = live.path("metadata").path("name").asText();
    cluster.delete(kind, namespace, name, "background");
    Instant deadline = Instant.now().plus(config.healthTimeout());
    while (cluster.get(kind, namespace, name).isPresent()) {
      if (Instant.now().isAfter(deadline)) {
        throw new SyncFailure(
            "force: %s %s was deleted but still exists after %s; it was not created again"
                .formatted(kind.kind(), name, config.healthTimeout()));
      }
      LockSupport.parkNanos(config.pollInterval().toNanos());
    }
    try {
      return write.get();
    } catch (KubernetesClientException e) {
      try {
        cluster.create(kind, restorable(live));
      } catch (KubernetesClientException restore) {
        throw new SyncFailure(
            ("force: %s %s was deleted but creating it again failed: %s; restoring the old object"
                    + " failed too: %s")
                .formatted(kind.kind(), name, e.getMessage(), restore.getMessage()));
      }
      throw new SyncFailure(
          "force: creating %s %s again failed, the old object is restored: %s"
              .formatted(kind.kind(), name, e.getMessage()));
    }
  }

  /** {@code live} without what the server assigns, so it can be created again. */
  private static ObjectNode restorable(ObjectNode live) {
    ObjectNode copy = live.deepCopy();
    ObjectNode metadata = copy.withObjectProperty("metadata");
    metadata.remove(
        List.of(
            "resourceVersion",
            "uid",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "generation",
            "managedFields",
            "selfLink"));
    copy.remove("status");
    return copy;
  }
}
