package io.quargo.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Argo Rollouts' {@code status.phase} of a Rollout. */
public enum RolloutPhase {
  @JsonProperty("Healthy")
  HEALTHY,
  @JsonProperty("Progressing")
  PROGRESSING,
  @JsonProperty("Paused")
  PAUSED,
  @JsonProperty("Degraded")
  DEGRADED
}
