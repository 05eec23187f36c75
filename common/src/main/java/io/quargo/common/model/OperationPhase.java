package io.quargo.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Phase of an Argo CD operation (a sync or rollback) as in {@code status.operationState.phase}. */
public enum OperationPhase {
  @JsonProperty("Running")
  RUNNING,
  @JsonProperty("Succeeded")
  SUCCEEDED,
  @JsonProperty("Failed")
  FAILED,
  @JsonProperty("Error")
  ERROR,
  @JsonProperty("Terminating")
  TERMINATING;

  /** True once the operation can no longer change. */
  public boolean completed() {
    return this == SUCCEEDED || this == FAILED || this == ERROR;
  }
}
