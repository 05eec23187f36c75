package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** Backoff between sync retries. */
public class Backoff extends Extensible {

  /** e.g. {@code 5s} */
  @JsonProperty("duration")
  private String duration;

  @JsonProperty("factor")
  private Long factor;

  /** e.g. {@code 3m} */
  @JsonProperty("maxDuration")
  private String maxDuration;

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public Long getFactor() {
    return factor;
  }

  public void setFactor(Long factor) {
    this.factor = factor;
  }

  public String getMaxDuration() {
    return maxDuration;
  }

  public void setMaxDuration(String maxDuration) {
    this.maxDuration = maxDuration;
  }
}
