package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** Sync and health of one managed resource ({@code status.resources[]}). */
public class ResourceStatus extends Extensible {

  @JsonProperty("group")
  private String group;

  @JsonProperty("version")
  private String version;

  @JsonProperty("kind")
  private String kind;

  @JsonProperty("namespace")
  private String namespace;

  @JsonProperty("name")
  private String name;

  @JsonProperty("status")
  private String status;

  @JsonProperty("health")
  private HealthStatus health;

  @JsonProperty("hook")
  private Boolean hook;

  @JsonProperty("requiresPruning")
  private Boolean requiresPruning;

  @JsonProperty("syncWave")
  private Long syncWave;

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public HealthStatus getHealth() {
    return health;
  }

  public void setHealth(HealthStatus health) {
    this.health = health;
  }

  public Boolean getHook() {
    return hook;
  }

  public void setHook(Boolean hook) {
    this.hook = hook;
  }

  public Boolean getRequiresPruning() {
    return requiresPruning;
  }

  public void setRequiresPruning(Boolean requiresPruning) {
    this.requiresPruning = requiresPruning;
  }

  public Long getSyncWave() {
    return syncWave;
  }

  public void setSyncWave(Long syncWave) {
    this.syncWave = syncWave;
  }
}
