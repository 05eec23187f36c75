package io.quargo.appcontroller.health;

import io.quargo.common.model.HealthStatusCode;
import java.util.Objects;

/** The health of one resource or of an app: an Argo status code and a message (never null). */
public record HealthStatus(HealthStatusCode status, String message) {

  public HealthStatus {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }

  public static HealthStatus healthy(String message) {
    return new HealthStatus(HealthStatusCode.HEALTHY, message);
  }

  public static HealthStatus progressing(String message) {
    return new HealthStatus(HealthStatusCode.PROGRESSING, message);
  }

  public static HealthStatus degraded(String message) {
    return new HealthStatus(HealthStatusCode.DEGRADED, message);
  }

  public static HealthStatus suspended(String message) {
    return new HealthStatus(HealthStatusCode.SUSPENDED, message);
  }

  public static HealthStatus missing(String message) {
    return new HealthStatus(HealthStatusCode.MISSING, message);
  }

  public static HealthStatus unknown(String message) {
    return new HealthStatus(HealthStatusCode.UNKNOWN, message);
  }
}
