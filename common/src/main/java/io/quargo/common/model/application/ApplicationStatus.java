package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** The observed state of an Application ({@code status}), written by app-controller. */
public class ApplicationStatus extends Extensible {

  @JsonProperty("sync")
  private SyncStatus sync;

  @JsonProperty("health")
  private HealthStatus health;

  @JsonProperty("resources")
  private List<ResourceStatus> resources;

  @JsonProperty("operationState")
  private OperationState operationState;

  @JsonProperty("history")
  private List<RevisionHistory> history;

  @JsonProperty("conditions")
  private List<ApplicationCondition> conditions;

  @JsonProperty("reconciledAt")
  private String reconciledAt;

  @JsonProperty("observedAt")
  private String observedAt;

  @JsonProperty("summary")
  private ApplicationSummary summary;

  @JsonProperty("sourceType")
  private String sourceType;

  @JsonProperty("sourceTypes")
  private List<String> sourceTypes;

  @JsonProperty("resourceHealthSource")
  private String resourceHealthSource;

  @JsonProperty("controllerNamespace")
  private String controllerNamespace;

  public SyncStatus getSync() {
    return sync;
  }

  public void setSync(SyncStatus sync) {
    this.sync = sync;
  }

  public HealthStatus getHealth() {
    return health;
  }

  public void setHealth(HealthStatus health) {
    this.health = health;
  }

  public List<ResourceStatus> getResources() {
    return resources;
  }

  public void setResources(List<ResourceStatus> resources) {
    this.resources = resources;
  }

  public OperationState getOperationState() {
    return operationState;
  }

  public void setOperationState(OperationState operationState) {
    this.operationState = operationState;
  }

  public List<RevisionHistory> getHistory() {
    return history;
  }

  public void setHistory(List<RevisionHistory> history) {
    this.history = history;
  }

  public List<ApplicationCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<ApplicationCondition> conditions) {
    this.conditions = conditions;
  }

  public String getReconciledAt() {
    return reconciledAt;
  }

  public void setReconciledAt(String reconciledAt) {
    this.reconciledAt = reconciledAt;
  }

  public String getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(String observedAt) {
    this.observedAt = observedAt;
  }

  public ApplicationSummary getSummary() {
    return summary;
  }

  public void setSummary(ApplicationSummary summary) {
    this.summary = summary;
  }

  public String getSourceType() {
    return sourceType;
  }

  public void setSourceType(String sourceType) {
    this.sourceType = sourceType;
  }

  public List<String> getSourceTypes() {
    return sourceTypes;
  }

  public void setSourceTypes(List<String> sourceTypes) {
    this.sourceTypes = sourceTypes;
  }

  public String getResourceHealthSource() {
    return resourceHealthSource;
  }

  public void setResourceHealthSource(String resourceHealthSource) {
    this.resourceHealthSource = resourceHealthSource;
  }

  public String getControllerNamespace() {
    return controllerNamespace;
  }

  public void setControllerNamespace(String controllerNamespace) {
    this.controllerNamespace = controllerNamespace;
  }
}
