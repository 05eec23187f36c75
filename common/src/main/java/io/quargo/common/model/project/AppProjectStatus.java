package io.quargo.common.model.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.quargo.common.model.AnyObject;
import io.quargo.common.model.Extensible;
import java.util.Map;

/** Observed state of an AppProject ({@code status}). */
public class AppProjectStatus extends Extensible {

  /** tokens issued, by role name */
  @JsonProperty("jwtTokensByRole")
  @SchemaFrom(type = AnyObject.class)
  private Map<String, Object> jwtTokensByRole;

  public Map<String, Object> getJwtTokensByRole() {
    return jwtTokensByRole;
  }

  public void setJwtTokensByRole(Map<String, Object> jwtTokensByRole) {
    this.jwtTokensByRole = jwtTokensByRole;
  }
}
