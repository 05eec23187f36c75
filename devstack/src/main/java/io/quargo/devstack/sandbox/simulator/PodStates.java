package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** Reads a pod's simulated state: active, ready, finished. */
final class PodStates {
  private PodStates() {}

  static boolean active(Pod pod) {
    String phase = phase(pod);
    return pod.getMetadata().getDeletionTimestamp() == null
        && !"Succeeded".equals(phase)
        && !"Failed".equals(phase);
  }

  static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  static boolean succeeded(Pod pod) {
    return "Succeeded".equals(phase(pod));
  }

  static boolean failed(Pod pod) {
    return "Failed".equals(phase(pod));
  }

  static PodCondition condition(String type, boolean status, String reason, String time) {
    PodCondition c = new PodCondition();
    c.setType(type);
    c.setStatus(status ? "True" : "False");
    c.setReason(reason);
    c.setLastTransitionTime(time);
    return c;
  }
}
