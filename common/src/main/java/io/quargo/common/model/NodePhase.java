package io.quargo.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Argo Workflows' phase of a workflow node ({@code status.nodes[id].phase}). */
public enum NodePhase {
  @JsonProperty("Pending")
  PENDING,
  @JsonProperty("Running")
  RUNNING,
  @JsonProperty("Succeeded")
  SUCCEEDED,
  @JsonProperty("Skipped")
  SKIPPED,
  @JsonProperty("Failed")
  FAILED,
  @JsonProperty("Error")
  ERROR,
  @JsonProperty("Omitted")
  OMITTED
}
