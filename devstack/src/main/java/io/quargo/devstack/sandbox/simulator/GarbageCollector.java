package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Set;

/**
 * Garbage collection for the kinds the simulator creates (ReplicaSets, Pods): a dependent whose
 * controller owner no longer exists is deleted. Owners of other kinds (a Rollout, a Workflow) are
 * looked up by apiVersion and kind.
 */
final class GarbageCollector {
  private final SimContext ctx;

  GarbageCollector(SimContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Deletes orphans among {@code dependents}; {@code ownerUids} must be listed after the
   * dependents, so an owner created meanwhile is never missed.
   */
  void collect(List<? extends HasMetadata> dependents, Set<String> ownerUids) {
    for (HasMetadata d : dependents) {
      OwnerReference owner =
          d.getMetadata().getOwnerReferences().stream()
              .filter(r -> Boolean.TRUE.equals(r.getController()))
              .findFirst()
              .orElse(null);
      if (owner == null || ownerUids.contains(owner.getUid()) || ownerExists(d, owner)) {
        continue;
      }
      ctx.client.resource(d).delete();
    }
  }

  private boolean ownerExists(HasMetadata dependent, OwnerReference owner) {
    if (Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job")
            .contains(owner.getKind())
        && owner.getApiVersion().matches("(apps|batch)/v1")) {
      return false; // listed in ownerUids when present
    }
    try {
      HasMetadata found =
          ctx.client
              .genericKubernetesResources(owner.getApiVersion(), owner.getKind())
              .inNamespace(dependent.getMetadata().getNamespace())
              .withName(owner.getName())
              .get();
      return found != null && owner.getUid().equals(found.getMetadata().getUid());
    } catch (RuntimeException e) {
      return true; // an owner kind the sandbox cannot look up is left alone
    }
  }
}
