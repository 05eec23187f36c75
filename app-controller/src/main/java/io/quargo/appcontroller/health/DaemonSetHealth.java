package io.quargo.appcontroller.health;

import static io.quargo.appcontroller.health.Fields.number;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** apps/DaemonSet: observed generation, then updated and available pods against desired. */
final class DaemonSetHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    if (number(live, 0, "metadata", "generation")
        > number(live, 0, "status", "observedGeneration")) {
      return HealthStatus.progressing(
          "Waiting for rollout to finish: observed daemon set generation less than desired"
              + " generation");
    }
    String name = Fields.text(live, "metadata", "name");
    long updated = number(live, 0, "status", "updatedNumberScheduled");
    long desired = number(live, 0, "status", "desiredNumberScheduled");
    long available = number(live, 0, "status", "numberAvailable");
    if ("OnDelete".equals(Fields.text(live, "spec", "updateStrategy", "type"))) {
      return HealthStatus.healthy(
          "daemon set %d out of %d new pods have been updated".formatted(updated, desired));
    }
    if (updated < desired) {
      return HealthStatus.progressing(
          "Waiting for daemon set \"%s\" rollout to finish: %d out of %d new pods have been updated..."
              .formatted(name, updated, desired));
    }
    if (available < desired) {
      return HealthStatus.progressing(
          "Waiting for daemon set \"%s\" rollout to finish: %d of %d updated pods are available..."
              .formatted(name, available, desired));
    }
    return HealthStatus.healthy("");
  }
}
