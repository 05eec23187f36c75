package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.appcontroller.messaging.AppEventPublisher;
import io.quargo.appcontroller.sync.SyncStrategy;
import io.quargo.common.events.AppCommand;
import io.quargo.common.model.application.Info;
import io.quargo.common.model.application.Operation;
import io.quargo.common.model.application.OperationInitiator;
import io.quargo.common.model.application.RetryStrategy;
import io.quargo.common.model.application.SyncOperation;
import io.quargo.common.model.application.SyncOperationResource;
import io.quargo.common.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * One sync operation as asked (by REST, a Kafka command, or automated sync): the revision (null:
 * the app's target), prune, dry run, extra sync options, selected resources (empty: all), whether
 * it is automated, the operation id and who asked; the sync strategy (null: not given, Argo's hook
 * strategy) and the retry strategy for this operation (null: the app's {@code syncPolicy.retry});
 * for a rollback, the {@code status.history[].id} it returns to (null for a sync).
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
    RetryStrategy retry,
    Long rollbackTo) {

  public SyncSpec {
    syncOptions = syncOptions == null ? List.of() : List.copyOf(syncOptions);
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** An automated sync to {@code revision} (the resolved commit), as automated sync starts one. */
  static SyncSpec automated(String revision, boolean prune, String operationId) {
    return new SyncSpec(
        revision, prune, false, List.of(), List.of(), true, operationId, null, null, null, null);
  }

  /**
   * A user's rollback to history entry {@code id} at {@code revision}: Argo's default strategy and
   * the app's retry policy.
   */
  static SyncSpec rollback(
      long id,
      String revision,
      boolean prune,
      boolean dryRun,
      String operationId,
      String initiatedBy) {
    return new SyncSpec(
        revision,
        prune,
        dryRun,
        List.of(),
        List.of(),
        false,
        operationId,
        initiatedBy,
        null,
        null,
        id);
  }

  /**
   * The sync a command asks for: its resources as keys, its strategy and retry strategy checked
   * (400 naming the field when malformed).
   */
  public static SyncSpec requested(AppCommand.Sync s) {
    List<ResourceKey> resources =
        s.resources() == null
            ? List.of()
            : s.resources().stream()
                .map(r -> new ResourceKey(r.group(), r.kind(), r.namespace(), r.name()))
                .toList();
    return new SyncSpec(
        s.revision(),
        s.prune(),
        s.dryRun(),
        s.syncOptions(),
        resources,
        false,
        s.operationId(),
        s.requestedBy(),
        strategy(s.strategy()),
        RetryStrategies.checked(s.retryStrategy()),
        null);
  }

  /** Argo's strategy as asked (null when not given); 400 naming the field when malformed. */
  private static SyncStrategy strategy(Map<String, Object> strategy) {
    if (strategy == null) {
      return null;
    }
    try {
      return SyncStrategy.fromArgo(strategy);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("strategy", e.getMessage());
    }
  }

  /** This sync at {@code value} (a retry pinned to the revision its first attempt resolved). */
  SyncSpec withRevision(String value) {
    return new SyncSpec(
        value,
        prune,
        dryRun,
        syncOptions,
        resources,
        automated,
        operationId,
        initiatedBy,
        strategy,
        retry,
        rollbackTo);
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
