package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.appcontroller.messaging.AppEventPublisher;
import io.quargo.appcontroller.sync.SyncStrategy;
import io.quargo.common.model.application.Info;
import io.quargo.common.model.application.Operation;
import io.quargo.common.model.application.OperationInitiator;
import io.quargo.common.model.application.RetryStrategy;
import io.quargo.common.model.application.SyncOperation;
import io.quargo.common.model.application.SyncOperationResource;
import java.util.List;

/**
 * One sync operation as asked (by REST, a Kafka command, or automated sync): the revision (null:
 * the app's target), prune, dry run, extra sync options, selected resources (empty: all), whether
 * it is automated, the operation id and who asked; the sync strategy (null: not given, Argo's hook
 * strategy) and the retry strategy for this operation (null: the app's {@code syncPolicy.retry}).
 */
public record SyncSpec(
    String revision,
    boolean prune,
    boolean dryRun,
    List<String> syncOptions,
    List<ResourceKey> resources,
    boolean automated,
    String operationId,
    String initiatedBy,
    SyncStrategy strategy,
    RetryStrategy retry) {

  public SyncSpec {
    syncOptions = syncOptions == null ? List.of() : List.copyOf(syncOptions);
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** A sync with Argo's default strategy and the app's retry policy. */
  public SyncSpec(
      String revision,
      boolean prune,
      boolean dryRun,
      List<String> syncOptions,
      List<ResourceKey> resources,
      boolean automated,
      String operationId,
      String initiatedBy) {
    this(
        revision,
        prune,
        dryRun,
        syncOptions,
        resources,
        automated,
        operationId,
        initiatedBy,
        null,
        null);
  }

  /** The strategy the engine runs: as asked, else hook (unforced). */
  public SyncStrategy effectiveStrategy() {
    return strategy == null ? SyncStrategy.HOOK : strategy;
  }

  /**
   * The operation as Argo records it in {@code status.operationState.operation}, with {@code retry}
   * as given here (null: the caller records the app's policy, as Argo's API server does).
   */
  public Operation operation() {
    SyncOperation sync = new SyncOperation();
    sync.setRevision(revision);
    sync.setPrune(prune ? true : null);
    sync.setDryRun(dryRun ? true : null);
    sync.setSyncOptions(syncOptions.isEmpty() ? null : syncOptions);
    sync.setSyncStrategy(strategy == null ? null : strategy.toArgo());
    if (!resources.isEmpty()) {
      sync.setResources(resources.stream().map(SyncSpec::resource).toList());
    }
    OperationInitiator initiator = new OperationInitiator();
    if (automated) {
      initiator.setAutomated(true);
    } else {
      initiator.setUsername(initiatedBy);
    }
    Operation operation = new Operation();
    operation.setSync(sync);
    operation.setInitiatedBy(initiator);
    operation.setRetry(retry);
    if (operationId != null) {
      Info id = new Info();
      id.setName(AppEventPublisher.OPERATION_ID);
      id.setValue(operationId);
      operation.setInfo(List.of(id));
    }
    return operation;
  }

  private static SyncOperationResource resource(ResourceKey key) {
    SyncOperationResource r = new SyncOperationResource();
    r.setGroup(key.group());
    r.setKind(key.kind());
    r.setNamespace(key.namespace());
    r.setName(key.name());
    return r;
  }
}
