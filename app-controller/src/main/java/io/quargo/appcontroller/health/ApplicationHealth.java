package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.HealthStatusCode;

/**
 * argoproj.io/Application (app of apps): the child's own {@code status.health}, Progressing until
 * it has one; the check Argo CD documents for restoring app-of-apps health.
 */
final class ApplicationHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    String status = Fields.text(live, "status", "health", "status");
    String message = Fields.text(live, "status", "health", "message");
    if (status.isEmpty()) {
      return HealthStatus.progressing(message);
    }
    HealthStatusCode code = Json.mapper().convertValue(status, HealthStatusCode.class);
    return new HealthStatus(code, message);
  }
}
