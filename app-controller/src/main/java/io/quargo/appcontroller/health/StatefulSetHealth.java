package io.quargo.appcontroller.health;

import static io.quargo.appcontroller.health.Fields.number;
import static io.quargo.appcontroller.health.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** apps/StatefulSet: observed generation, ready replicas, partitioned and rolling updates. */
final class StatefulSetHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    long observed = number(live, 0, "status", "observedGeneration");
    if (observed == 0 || number(live, 0, "metadata", "generation") > observed) {
      return HealthStatus.progressing("Waiting for statefulset spec update to be observed...");
    }
    Optional<Long> replicas = Fields.optionalNumber(live, "spec", "replicas");
    long ready = number(live, 0, "status", "readyReplicas");
    long updated = number(live, 0, "status", "updatedReplicas");
    if (replicas.isPresent() && ready < replicas.get()) {
      return HealthStatus.progressing(
          "Waiting for %d pods to be ready...".formatted(replicas.get() - ready));
    }
    JsonNode strategy = Fields.at(live, "spec", "updateStrategy");
    String type = strategy.path("type").asText("");
    if ("RollingUpdate".equals(type) && strategy.path("rollingUpdate").isObject()) {
      Optional<Long> partition = Fields.optionalNumber(strategy, "rollingUpdate", "partition");
      if (replicas.isPresent() && partition.isPresent()) {
        long target = replicas.get() - partition.get();
        if (updated < target) {
          return HealthStatus.progressing(
              ("Waiting for partitioned roll out to finish: %d out of %d new pods have been"
                      + " updated...")
                  .formatted(updated, target));
        }
      }
      return HealthStatus.healthy(
          "partitioned roll out complete: %d new pods have been updated...".formatted(updated));
    }
    if ("OnDelete".equals(type)) {
      return HealthStatus.healthy("statefulset has %d ready pods".formatted(ready));
    }
    String updateRevision = text(live, "status", "updateRevision");
    String currentRevision = text(live, "status", "currentRevision");
    if (!updateRevision.equals(currentRevision)) {
      return HealthStatus.progressing(
          "waiting for statefulset rolling update to complete %d pods at revision %s..."
              .formatted(updated, updateRevision));
    }
    return HealthStatus.healthy(
        "statefulset rolling update complete %d pods at revision %s..."
            .formatted(number(live, 0, "status", "currentReplicas"), currentRevision));
  }
}
