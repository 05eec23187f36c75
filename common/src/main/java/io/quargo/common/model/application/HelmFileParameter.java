package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** One Helm {@code --set-file} parameter. */
public class HelmFileParameter extends Extensible {

  @JsonProperty("name")
  private String name;

  @JsonProperty("path")
  private String path;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
