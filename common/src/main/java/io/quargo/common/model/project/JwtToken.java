package io.quargo.common.model.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** A token issued for a project role. */
public class JwtToken extends Extensible {

  @JsonProperty("iat")
  private Long iat;

  @JsonProperty("exp")
  private Long exp;

  @JsonProperty("id")
  private String id;

  public Long getIat() {
    return iat;
  }

  public void setIat(Long iat) {
    this.iat = iat;
  }

  public Long getExp() {
    return exp;
  }

  public void setExp(Long exp) {
    this.exp = exp;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
