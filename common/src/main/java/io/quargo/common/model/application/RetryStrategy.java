package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** Retries of a failed sync. */
public class RetryStrategy extends Extensible {

  /** attempts; negative means unlimited */
  @JsonProperty("limit")
  private Long limit;

  @JsonProperty("backoff")
  private Backoff backoff;

  @JsonProperty("refresh")
  private Boolean refresh;

  public Long getLimit() {
    return limit;
  }

  public void setLimit(Long limit) {
    this.limit = limit;
  }

  public Backoff getBackoff() {
    return backoff;
  }

  public void setBackoff(Backoff backoff) {
    this.backoff = backoff;
  }

  public Boolean getRefresh() {
    return refresh;
  }

  public void setRefresh(Boolean refresh) {
    this.refresh = refresh;
  }
}
