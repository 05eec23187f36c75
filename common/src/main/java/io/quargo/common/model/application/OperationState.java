package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.quargo.common.model.AnyObject;
import io.quargo.common.model.Extensible;
import java.util.Map;

/** The current or last operation ({@code status.operationState}). */
public class OperationState extends Extensible {

  @JsonProperty("operation")
  private Operation operation;

  /** Running, Succeeded, Failed, Error or Terminating */
  @JsonProperty("phase")
  private String phase;

  @JsonProperty("message")
  private String message;

  /** per-resource results, kept as written */
  @JsonProperty("syncResult")
  @SchemaFrom(type = AnyObject.class)
  private Map<String, Object> syncResult;

  @JsonProperty("startedAt")
  private String startedAt;

  @JsonProperty("finishedAt")
  private String finishedAt;

  @JsonProperty("retryCount")
  private Long retryCount;

  public Operation getOperation() {
    return operation;
  }

  public void setOperation(Operation operation) {
    this.operation = operation;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Map<String, Object> getSyncResult() {
    return syncResult;
  }

  public void setSyncResult(Map<String, Object> syncResult) {
    this.syncResult = syncResult;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }

  public Long getRetryCount() {
    return retryCount;
  }

  public void setRetryCount(Long retryCount) {
    this.retryCount = retryCount;
  }
}
