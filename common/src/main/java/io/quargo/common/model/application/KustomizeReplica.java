package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.quargo.common.model.Extensible;

/** A Kustomize replica count override. */
public class KustomizeReplica extends Extensible {

  @JsonProperty("name")
  private String name;

  @JsonProperty("count")
  private IntOrString count;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public IntOrString getCount() {
    return count;
  }

  public void setCount(IntOrString count) {
    this.count = count;
  }
}
