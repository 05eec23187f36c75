package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.quargo.common.model.AnyObject;
import io.quargo.common.model.Extensible;
import java.util.List;
import java.util.Map;

/** When and how an Application syncs ({@code spec.syncPolicy}). */
public class SyncPolicy extends Extensible {

  /** automatic sync; absent means manual */
  @JsonProperty("automated")
  private SyncPolicyAutomated automated;

  /** e.g. {@code CreateNamespace=true}, {@code ServerSideApply=true} */
  @JsonProperty("syncOptions")
  private List<String> syncOptions;

  /** retries of a failed sync */
  @JsonProperty("retry")
  private RetryStrategy retry;

  /** labels and annotations for a created namespace */
  @JsonProperty("managedNamespaceMetadata")
  @SchemaFrom(type = AnyObject.class)
  private Map<String, Object> managedNamespaceMetadata;

  public SyncPolicyAutomated getAutomated() {
    return automated;
  }

  public void setAutomated(SyncPolicyAutomated automated) {
    this.automated = automated;
  }

  public List<String> getSyncOptions() {
    return syncOptions;
  }

  public void setSyncOptions(List<String> syncOptions) {
    this.syncOptions = syncOptions;
  }

  public RetryStrategy getRetry() {
    return retry;
  }

  public void setRetry(RetryStrategy retry) {
    this.retry = retry;
  }

  public Map<String, Object> getManagedNamespaceMetadata() {
    return managedNamespaceMetadata;
  }

  public void setManagedNamespaceMetadata(Map<String, Object> managedNamespaceMetadata) {
    this.managedNamespaceMetadata = managedNamespaceMetadata;
  }
}
