package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** One Helm {@code --set} parameter. */
public class HelmParameter extends Extensible {

  @JsonProperty("name")
  private String name;

  @JsonProperty("value")
  private String value;

  @JsonProperty("forceString")
  private Boolean forceString;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public Boolean getForceString() {
    return forceString;
  }

  public void setForceString(Boolean forceString) {
    this.forceString = forceString;
  }
}
