package io.quargo.appcontroller.health;

import static io.quargo.appcontroller.health.Fields.number;
import static io.quargo.appcontroller.health.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.HealthStatusCode;

/**
 * argoproj.io/Rollout, as Argo CD's Lua check: generation observed, then {@code status.phase}
 * (Paused is Suspended) when the controller sets it, else conditions, pauses, replica counts and
 * the blue-green or canary strategy.
 */
final class RolloutHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    JsonNode status = live.path("status");
    if (!generationObserved(live) || !workloadGenerationObserved(live)) {
      return HealthStatus.progressing("Waiting for rollout spec update to be observed");
    }
    String phase = text(status, "phase");
    if (!phase.isEmpty()) {
      HealthStatusCode code =
          "Paused".equals(phase)
              ? HealthStatusCode.SUSPENDED
              : Json.mapper().convertValue(phase, HealthStatusCode.class);
      return new HealthStatus(code, text(status, "message"));
    }
    for (JsonNode condition : status.path("conditions")) {
      String type = condition.path("type").asText("");
      String reason = condition.path("reason").asText("");
      if ("InvalidSpec".equals(type)
          || ("Progressing".equals(type)
              && ("RolloutAborted".equals(reason) || "ProgressDeadlineExceeded".equals(reason)))) {
        return HealthStatus.degraded(condition.path("message").asText(""));
      }
    }
    if (!status.path("pauseConditions").isEmpty() || Fields.isTrue(live, "spec", "paused")) {
      return HealthStatus.suspended("Rollout is paused");
    }
    String podHash = text(status, "currentPodHash");
    if (podHash.isEmpty()) {
      return HealthStatus.progressing(
          "Waiting for rollout to finish: status has not been reconciled.");
    }
    long desired = number(live, 1, "spec", "replicas");
    long replicas = number(status, 0, "replicas");
    long updated = number(status, 0, "updatedReplicas");
    if (updated < desired) {
      return HealthStatus.progressing(
          "Waiting for roll out to finish: More replicas need to be updated");
    }
    if (number(status, 0, "availableReplicas") < updated) {
      return HealthStatus.progressing(
          "Waiting for roll out to finish: updated replicas are still becoming available");
    }
    String stableRs = stableRs(status);
    JsonNode strategy = Fields.at(live, "spec", "strategy");
    if (strategy.path("blueGreen").isObject()) {
      if (!podHash.equals(text(status, "blueGreen", "activeSelector"))) {
        return HealthStatus.progressing("active service cutover pending");
      }
      if (!stableRs.isEmpty() && !stableRs.equals(podHash)) {
        return HealthStatus.progressing("waiting for analysis to complete");
      }
    } else if (strategy.path("canary").isObject()) {
      if (replicas > updated) {
        return HealthStatus.progressing(
            "Waiting for roll out to finish: old replicas are pending termination");
      }
      if (!stableRs.equals(podHash)) {
        return HealthStatus.progressing("Waiting for rollout to finish steps");
      }
    }
    return HealthStatus.healthy("");
  }

  private static boolean generationObserved(JsonNode live) {
    JsonNode status = live.path("status");
    if (!status.isObject()) {
      return false;
    }
    JsonNode observed = status.path("observedGeneration");
    long generation = number(live, 0, "metadata", "generation");
    if (!observed.isNumber() && !observed.asText("").matches("\\d+")) {
      return true; // a v0.9 rollout keeps a hash here
    }
    long value = observed.asLong();
    return value > generation || value == generation;
  }

  private static boolean workloadGenerationObserved(JsonNode live) {
    JsonNode annotations = Fields.at(live, "metadata", "annotations");
    if (!Fields.at(live, "spec", "workloadRef").isObject() || !annotations.isObject()) {
      return true;
    }
    String workload = annotations.path("rollout.argoproj.io/workload-generation").asText("");
    return workload.equals(text(live, "status", "workloadObservedGeneration"));
  }

  private static String stableRs(JsonNode status) {
    String stable = text(status, "stableRS");
    return stable.isEmpty() ? text(status, "canary", "stableRS") : stable;
  }
}
