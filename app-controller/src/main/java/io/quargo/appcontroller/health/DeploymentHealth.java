package io.quargo.appcontroller.health;

import static io.quargo.appcontroller.health.Fields.at;
import static io.quargo.appcontroller.health.Fields.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** apps/Deployment: paused, generation observed, progress deadline, then replica counts. */
final class DeploymentHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    if (Fields.isTrue(live, "spec", "paused")) {
      return HealthStatus.suspended("Deployment is paused");
    }
    long generation = number(live, 0, "metadata", "generation");
    long observed = number(live, 0, "status", "observedGeneration");
    if (generation > observed) {
      return HealthStatus.progressing(
          "Waiting for rollout to finish: observed deployment generation less than desired"
              + " generation");
    }
    JsonNode progressing = Fields.condition(live, "Progressing");
    if ("ProgressDeadlineExceeded".equals(progressing.path("reason").asText())) {
      return HealthStatus.degraded(
          "Deployment \""
              + Fields.text(live, "metadata", "name")
              + "\" exceeded its progress"
              + " deadline");
    }
    JsonNode status = at(live, "status");
    long replicas = number(status, 0, "replicas");
    long updated = number(status, 0, "updatedReplicas");
    long available = number(status, 0, "availableReplicas");
    Optional<Long> desired = Fields.optionalNumber(live, "spec", "replicas");
    if (desired.isPresent() && updated < desired.get()) {
      return HealthStatus.progressing(
          "Waiting for rollout to finish: %d out of %d new replicas have been updated..."
              .formatted(updated, desired.get()));
    }
    if (replicas > updated) {
      return HealthStatus.progressing(
          "Waiting for rollout to finish: %d old replicas are pending termination..."
              .formatted(replicas - updated));
    }
    if (available < updated) {
      return HealthStatus.progressing(
          "Waiting for rollout to finish: %d of %d updated replicas are available..."
              .formatted(available, updated));
    }
    return HealthStatus.healthy("");
  }
}
