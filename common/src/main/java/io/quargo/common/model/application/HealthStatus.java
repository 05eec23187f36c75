package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/**
 * Health: {@code Healthy}, {@code Progressing}, {@code Degraded}, {@code Suspended}, {@code
 * Missing} or {@code Unknown}.
 */
public class HealthStatus extends Extensible {

  @JsonProperty("status")
  private String status;

  @JsonProperty("message")
  private String message;

  @JsonProperty("lastTransitionTime")
  private String lastTransitionTime;

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }
}
