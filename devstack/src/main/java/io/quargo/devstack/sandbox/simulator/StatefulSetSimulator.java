package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The StatefulSet controller: pods name-0..n-1; a template change replaces them. */
final class StatefulSetSimulator {
  private static final String REVISION_LABEL = "controller-revision-hash";
  private final SimContext ctx;

  StatefulSetSimulator(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(List<StatefulSet> sets, List<Pod> pods) {
    for (StatefulSet sts : sets) {
      if (sts.getMetadata().getDeletionTimestamp() == null) {
        reconcile(sts, pods.stream().filter(p -> SimContext.controlledBy(p, sts)).toList());
      }
    }
  }

  private void reconcile(StatefulSet sts, List<Pod> owned) {
    String ns = sts.getMetadata().getNamespace();
    String name = sts.getMetadata().getName();
    String revision = name + "-" + PodTemplates.hash(sts.getSpec().getTemplate());
    int replicas = sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    for (Pod pod : owned) {
      String podName = pod.getMetadata().getName();
      int ordinal = Integer.parseInt(podName.substring(podName.lastIndexOf('-') + 1));
      boolean stale = !revision.equals(pod.getMetadata().getLabels().get(REVISION_LABEL));
      if (ordinal >= replicas || stale) {
        ctx.client.pods().inNamespace(ns).resource(pod).delete();
      }
    }
    for (int i = 0; i < replicas; i++) {
      String podName = name + "-" + i;
      if (owned.stream().noneMatch(p -> p.getMetadata().getName().equals(podName))) {
        Pod pod =
            PodTemplates.newPod(
                sts.getSpec().getTemplate(),
                sts,
                podName,
                Map.of(
                    REVISION_LABEL,
                    revision,
                    "statefulset.kubernetes.io/pod-name",
                    podName,
                    "apps.kubernetes.io/pod-index",
                    String.valueOf(i)));
        pod.getSpec().setHostname(podName);
        pod.getSpec().setSubdomain(sts.getSpec().getServiceName());
        ctx.client.pods().inNamespace(ns).resource(pod).create();
      }
    }
    List<Pod> current =
        owned.stream()
            .filter(PodStates::active)
            .filter(p -> revision.equals(p.getMetadata().getLabels().get(REVISION_LABEL)))
            .toList();
    int ready = (int) current.stream().filter(PodStates::ready).count();
    StatefulSetStatus status =
        new StatefulSetStatusBuilder()
            .withObservedGeneration(sts.getMetadata().getGeneration())
            .withReplicas(current.size())
            .withReadyReplicas(ready == 0 ? null : ready)
            .withAvailableReplicas(ready)
            .withCurrentReplicas(current.size() == 0 ? null : current.size())
            .withUpdatedReplicas(current.size() == 0 ? null : current.size())
            .withCurrentRevision(revision)
            .withUpdateRevision(revision)
            .withCollisionCount(0)
            .build();
    if (!Objects.equals(status, sts.getStatus())) {
      sts.setStatus(status);
      sts.getMetadata().setResourceVersion(null);
      ctx.client.apps().statefulSets().inNamespace(ns).resource(sts).updateStatus();
    }
  }
}
