package io.quargo.appcontroller.health;

import static io.quargo.appcontroller.health.Fields.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** apps/ReplicaSet: observed generation, the ReplicaFailure condition, available replicas. */
final class ReplicaSetHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    if (number(live, 0, "metadata", "generation")
        > number(live, 0, "status", "observedGeneration")) {
      return HealthStatus.progressing(
          "Waiting for rollout to finish: observed replica set generation less than desired"
              + " generation");
    }
    JsonNode failure = Fields.condition(live, "ReplicaFailure");
    if ("True".equals(failure.path("status").asText())) {
      return HealthStatus.degraded(failure.path("message").asText(""));
    }
    Optional<Long> desired = Fields.optionalNumber(live, "spec", "replicas");
    long available = number(live, 0, "status", "availableReplicas");
    if (desired.isPresent() && available < desired.get()) {
      return HealthStatus.progressing(
          "Waiting for rollout to finish: %d out of %d new replicas are available..."
              .formatted(available, desired.get()));
    }
    return HealthStatus.healthy("");
  }
}
