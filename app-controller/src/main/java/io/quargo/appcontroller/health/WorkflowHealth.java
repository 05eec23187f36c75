package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * argoproj.io/Workflow: Pending and Running Progressing, Succeeded Healthy, Failed/Error Degraded.
 */
final class WorkflowHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    String message = Fields.text(live, "status", "message");
    return switch (Fields.text(live, "status", "phase")) {
      case "", "Pending", "Running" -> HealthStatus.progressing(message);
      case "Succeeded" -> HealthStatus.healthy(message);
      case "Failed", "Error" -> HealthStatus.degraded(message);
      default -> HealthStatus.unknown(message);
    };
  }
}
