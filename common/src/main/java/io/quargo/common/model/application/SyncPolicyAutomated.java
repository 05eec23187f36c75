package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** Automated sync options. */
public class SyncPolicyAutomated extends Extensible {

  @JsonProperty("prune")
  private Boolean prune;

  @JsonProperty("selfHeal")
  private Boolean selfHeal;

  @JsonProperty("allowEmpty")
  private Boolean allowEmpty;

  @JsonProperty("enabled")
  private Boolean enabled;

  public Boolean getPrune() {
    return prune;
  }

  public void setPrune(Boolean prune) {
    this.prune = prune;
  }

  public Boolean getSelfHeal() {
    return selfHeal;
  }

  public void setSelfHeal(Boolean selfHeal) {
    this.selfHeal = selfHeal;
  }

  public Boolean getAllowEmpty() {
    return allowEmpty;
  }

  public void setAllowEmpty(Boolean allowEmpty) {
    this.allowEmpty = allowEmpty;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }
}
