package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** apiregistration.k8s.io/APIService: the Available condition, "reason: message". */
final class ApiServiceHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    JsonNode available = Fields.condition(live, "Available");
    if (available.isMissingNode()) {
      return HealthStatus.progressing("Waiting to be processed");
    }
    String message =
        available.path("reason").asText("") + ": " + available.path("message").asText("");
    return "True".equals(available.path("status").asText())
        ? HealthStatus.healthy(message)
        : HealthStatus.progressing(message);
  }
}
