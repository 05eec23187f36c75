package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** A requested operation ({@code operation} at the top of an Application, or in its state). */
public class Operation extends Extensible {

  @JsonProperty("sync")
  private SyncOperation sync;

  @JsonProperty("initiatedBy")
  private OperationInitiator initiatedBy;

  @JsonProperty("info")
  private List<Info> info;

  @JsonProperty("retry")
  private RetryStrategy retry;

  public SyncOperation getSync() {
    return sync;
  }

  public void setSync(SyncOperation sync) {
    this.sync = sync;
  }

  public OperationInitiator getInitiatedBy() {
    return initiatedBy;
  }

  public void setInitiatedBy(OperationInitiator initiatedBy) {
    this.initiatedBy = initiatedBy;
  }

  public List<Info> getInfo() {
    return info;
  }

  public void setInfo(List<Info> info) {
    this.info = info;
  }

  public RetryStrategy getRetry() {
    return retry;
  }

  public void setRetry(RetryStrategy retry) {
    this.retry = retry;
  }
}
