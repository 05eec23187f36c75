package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import java.util.Optional;

/**
 * The cluster calls {@link ResourceApplier} makes, as in {@link ClusterObjects}. A seam: tests put
 * a real API server's refusals (422 "field is immutable") in front of the sandbox, which has none.
 */
interface ClusterWrites {

  Optional<ObjectNode> get(ApiKind kind, String namespace, String name);

  ObjectNode create(ApiKind kind, ObjectNode object);

  ObjectNode mergePatch(ApiKind kind, String namespace, String name, ObjectNode patch);

  ObjectNode replace(ApiKind kind, ObjectNode object, String resourceVersion);

  ObjectNode serverSideApply(ApiKind kind, ObjectNode object, String fieldManager);

  boolean delete(ApiKind kind, String namespace, String name, String propagation);

  /** The calls made straight to {@code cluster}. */
  static ClusterWrites of(ClusterObjects cluster) {
    return new ClusterWrites() {
      @Override
      public Optional<ObjectNode> get(ApiKind kind, String namespace, String name) {
        return cluster.get(kind, namespace, name);
      }

      @Override
      public ObjectNode create(ApiKind kind, ObjectNode object) {
        return cluster.create(kind, object);
      }

      @Override
      public ObjectNode mergePatch(ApiKind kind, String namespace, String name, ObjectNode patch) {
        return cluster.mergePatch(kind, namespace, name, patch);
      }

      @Override
      public ObjectNode replace(ApiKind kind, ObjectNode object, String resourceVersion) {
        return cluster.replace(kind, object, resourceVersion);
      }

      @Override
      public ObjectNode serverSideApply(ApiKind kind, ObjectNode object, String fieldManager) {
        return cluster.serverSideApply(kind, object, fieldManager);
      }

      @Override
      public boolean delete(ApiKind kind, String namespace, String name, String propagation) {
        return cluster.delete(kind, namespace, name, propagation);
      }
    };
  }
}
