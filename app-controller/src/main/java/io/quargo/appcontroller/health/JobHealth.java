package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** batch/Job: Failed is Degraded, Complete Healthy, Suspended Suspended, else Progressing. */
final class JobHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    boolean failed = false;
    boolean complete = false;
    boolean suspended = false;
    String failMessage = "";
    String message = "";
    for (JsonNode condition : Fields.at(live, "status", "conditions")) {
      String text = condition.path("message").asText("");
      switch (condition.path("type").asText()) {
        case "Failed" -> {
          failed = true;
          complete = true;
          failMessage = text;
        }
        case "Complete" -> {
          complete = true;
          message = text;
        }
        case "Suspended" -> {
          complete = true;
          message = text;
          suspended |= "True".equals(condition.path("status").asText());
        }
        default -> {}
      }
    }
    if (!complete) {
      return HealthStatus.progressing(message);
    }
    if (failed) {
      return HealthStatus.degraded(failMessage);
    }
    // Argo reports the (empty) failure message for a suspended Job; so do we.
    return suspended ? HealthStatus.suspended(failMessage) : HealthStatus.healthy(message);
  }
}
