package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Objects;

/** Builds status conditions that keep their timestamps while nothing about them changes. */
final class Conditions {
  private Conditions() {}

  static DeploymentCondition deployment(
      DeploymentStatus old,
      String type,
      boolean status,
      String reason,
      String message,
      String now) {
    DeploymentCondition previous =
        old == null
            ? null
            : old.getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
    String s = status ? "True" : "False";
    boolean sameStatus = previous != null && s.equals(previous.getStatus());
    boolean same = sameStatus && Objects.equals(reason, previous.getReason());
    DeploymentCondition c = new DeploymentCondition();
    c.setType(type);
    c.setStatus(s);
    c.setReason(reason);
    c.setMessage(message);
    c.setLastTransitionTime(sameStatus ? previous.getLastTransitionTime() : now);
    c.setLastUpdateTime(same ? previous.getLastUpdateTime() : now);
    return c;
  }
}
