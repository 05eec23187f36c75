package io.quargo.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Argo CD's health of a resource or an Application, worst first when aggregated: see Argo docs. */
public enum HealthStatusCode {
  @JsonProperty("Healthy")
  HEALTHY,
  @JsonProperty("Progressing")
  PROGRESSING,
  @JsonProperty("Degraded")
  DEGRADED,
  @JsonProperty("Suspended")
  SUSPENDED,
  @JsonProperty("Missing")
  MISSING,
  @JsonProperty("Unknown")
  UNKNOWN
}
