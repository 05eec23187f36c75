package io.quargo.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Argo CD's sync status of an Application: is the live state what Git says? */
public enum SyncStatusCode {
  @JsonProperty("Synced")
  SYNCED,
  @JsonProperty("OutOfSync")
  OUT_OF_SYNC,
  @JsonProperty("Unknown")
  UNKNOWN
}
