package io.quargo.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Argo Workflows' phase of a whole workflow ({@code status.phase}). */
public enum WorkflowPhase {
  @JsonProperty("Pending")
  PENDING,
  @JsonProperty("Running")
  RUNNING,
  @JsonProperty("Succeeded")
  SUCCEEDED,
  @JsonProperty("Failed")
  FAILED,
  @JsonProperty("Error")
  ERROR
}
