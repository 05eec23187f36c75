package io.quargo.appcontroller.sync;

import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.common.model.OperationPhase;

/**
 * One resource's result in Argo's shape ({@code syncResult.resources[]}); status is null while the
 * task has not run, hookPhase is set for hooks only.
 */
public record ResourceResult(
    String group,
    String version,
    String kind,
    String namespace,
    String name,
    ResultCode status,
    String message,
    String hookType,
    OperationPhase hookPhase,
    SyncPhase syncPhase,
    int wave) {

  /** The resource's key. */
  public ResourceKey key() {
    return new ResourceKey(group, kind, namespace, name);
  }
}
