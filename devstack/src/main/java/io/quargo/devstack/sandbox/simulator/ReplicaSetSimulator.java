package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ReplicaSet controller: keeps spec.replicas pods per ReplicaSet (any owner) and its status.
 */
final class ReplicaSetSimulator {
  private final SimContext ctx;

  ReplicaSetSimulator(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(List<ReplicaSet> replicaSets, List<Pod> pods) {
    for (ReplicaSet rs : replicaSets) {
      if (rs.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      List<Pod> owned =
          pods.stream()
              .filter(p -> SimContext.controlledBy(p, rs))
              .filter(PodStates::active)
              .toList();
      int wanted = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
      String hash =
          rs.getMetadata().getLabels() == null
              ? null
              : rs.getMetadata().getLabels().get("pod-template-hash");
      for (int i = owned.size(); i < wanted; i++) {
        Pod pod =
            PodTemplates.newPod(
                rs.getSpec().getTemplate(),
                rs,
                rs.getMetadata().getName() + "-" + PodTemplates.suffix(),
                hash == null ? Map.of() : Map.of("pod-template-hash", hash));
        ctx.client.pods().inNamespace(rs.getMetadata().getNamespace()).resource(pod).create();
      }
      if (owned.size() > wanted) {
        owned.stream()
            .sorted(
                Comparator.comparing(PodStates::ready)
                    .thenComparing(p -> p.getMetadata().getName()))
            .limit(owned.size() - wanted)
            .forEach(
                p ->
                    ctx.client
                        .pods()
                        .inNamespace(p.getMetadata().getNamespace())
                        .resource(p)
                        .delete());
      }
      writeStatus(rs, owned.stream().limit(wanted).toList(), Math.min(owned.size(), wanted));
    }
  }

  private void writeStatus(ReplicaSet rs, List<Pod> kept, int count) {
    int ready = (int) kept.stream().filter(PodStates::ready).count();
    ReplicaSetStatus status =
        new ReplicaSetStatusBuilder()
            .withReplicas(count)
            .withFullyLabeledReplicas(count == 0 ? null : count)
            .withReadyReplicas(ready == 0 ? null : ready)
            .withAvailableReplicas(ready == 0 ? null : ready)
            .withObservedGeneration(rs.getMetadata().getGeneration())
            .build();
    if (!Objects.equals(status, rs.getStatus())) {
      rs.setStatus(status);
      rs.getMetadata().setResourceVersion(null);
      ctx.client
          .apps()
          .replicaSets()
          .inNamespace(rs.getMetadata().getNamespace())
          .resource(rs)
          .updateStatus();
    }
  }
}
