package io.quargo.common.model.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** A GnuPG key id commits must be signed with. */
public class SignatureKey extends Extensible {

  @JsonProperty("keyID")
  private String keyID;

  public String getKeyID() {
    return keyID;
  }

  public void setKeyID(String keyID) {
    this.keyID = keyID;
  }
}
