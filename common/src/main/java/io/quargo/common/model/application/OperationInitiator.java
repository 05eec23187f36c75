package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** Who started an operation. */
public class OperationInitiator extends Extensible {

  @JsonProperty("username")
  private String username;

  @JsonProperty("automated")
  private Boolean automated;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public Boolean getAutomated() {
    return automated;
  }

  public void setAutomated(Boolean automated) {
    this.automated = automated;
  }
}
