package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** core/PersistentVolumeClaim: Bound is Healthy, Pending Progressing, Lost Degraded. */
final class PersistentVolumeClaimHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    return switch (Fields.text(live, "status", "phase")) {
      case "Bound" -> HealthStatus.healthy("");
      case "Pending" -> HealthStatus.progressing("");
      case "Lost" -> HealthStatus.degraded("");
      default -> HealthStatus.unknown("");
    };
  }
}
