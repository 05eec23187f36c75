package io.quargo.common.model.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** An API group and kind; {@code *} matches any. */
public class GroupKind extends Extensible {

  @JsonProperty("group")
  private String group;

  @JsonProperty("kind")
  private String kind;

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }
}
