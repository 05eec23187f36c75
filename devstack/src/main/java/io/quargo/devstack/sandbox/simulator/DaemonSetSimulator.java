package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The DaemonSet controller on a one-node cluster: one pod per DaemonSet. */
final class DaemonSetSimulator {
  private static final String REVISION_LABEL = "controller-revision-hash";
  private final SimContext ctx;

  DaemonSetSimulator(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(List<DaemonSet> sets, List<Pod> pods) {
    for (DaemonSet ds : sets) {
      if (ds.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String ns = ds.getMetadata().getNamespace();
      String revision = PodTemplates.hash(ds.getSpec().getTemplate());
      List<Pod> owned = pods.stream().filter(p -> SimContext.controlledBy(p, ds)).toList();
      owned.stream()
          .filter(p -> !revision.equals(p.getMetadata().getLabels().get(REVISION_LABEL)))
          .forEach(p -> ctx.client.pods().inNamespace(ns).resource(p).delete());
      List<Pod> current =
          owned.stream()
              .filter(p -> revision.equals(p.getMetadata().getLabels().get(REVISION_LABEL)))
              .toList();
      if (current.isEmpty()) {
        String name = ds.getMetadata().getName() + "-" + PodTemplates.suffix();
        Pod pod =
            PodTemplates.newPod(
                ds.getSpec().getTemplate(), ds, name, Map.of(REVISION_LABEL, revision));
        pod.getSpec().setNodeName(KubeletSimulator.NODE);
        ctx.client.pods().inNamespace(ns).resource(pod).create();
      }
      int ready = (int) current.stream().filter(PodStates::ready).count();
      DaemonSetStatus status =
          new DaemonSetStatusBuilder()
              .withObservedGeneration(ds.getMetadata().getGeneration())
              .withDesiredNumberScheduled(1)
              .withCurrentNumberScheduled(1)
              .withNumberMisscheduled(0)
              .withNumberReady(ready)
              .withNumberAvailable(ready == 0 ? null : ready)
              .withNumberUnavailable(ready == 0 ? 1 : null)
              .withUpdatedNumberScheduled(current.isEmpty() ? null : 1)
              .build();
      if (!Objects.equals(status, ds.getStatus())) {
        ds.setStatus(status);
        ds.getMetadata().setResourceVersion(null);
        ctx.client.apps().daemonSets().inNamespace(ns).resource(ds).updateStatus();
      }
    }
  }
}
