package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * batch/CronJob, as Argo CD's Lua check: Degraded only when the last scheduled run has no later
 * success and nothing is running; a suspended CronJob is reported Healthy (argo-cd #24428).
 */
final class CronJobHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    if (Fields.isTrue(live, "spec", "suspend")) {
      return HealthStatus.healthy("CronJob is Suspended");
    }
    JsonNode status = live.path("status");
    if (!status.isObject()) {
      return HealthStatus.progressing("Waiting for CronJob");
    }
    String lastSchedule = Fields.text(status, "lastScheduleTime");
    if (lastSchedule.isEmpty()) {
      return HealthStatus.healthy("CronJob has not been scheduled yet");
    }
    String lastSuccess = Fields.text(status, "lastSuccessfulTime");
    if (lastSuccess.isEmpty()) {
      return HealthStatus.healthy(
          "The CronJob never completed successfully. It may not be healthy");
    }
    if (!status.path("active").isEmpty()) {
      return HealthStatus.healthy(
          "The job is running. Its last execution may not have been successful");
    }
    if (Instant.parse(lastSuccess).isBefore(Instant.parse(lastSchedule))) {
      return HealthStatus.degraded("CronJob has not completed its last execution successfully");
    }
    return HealthStatus.healthy("CronJob has completed its last execution successfully");
  }
}
