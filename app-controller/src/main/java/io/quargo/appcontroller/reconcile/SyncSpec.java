package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.diff.ResourceKey;
import java.util.List;

/**
 * One sync operation as asked (by REST, a Kafka command, or automated sync): the revision (null:
 * the app's target), prune, dry run, extra sync options, selected resources (empty: all), whether
 * it is automated, the operation id and who asked.
 */
public record SyncSpec(
    String revision,
    boolean prune,
    boolean dryRun,
    List<String> syncOptions,
    List<ResourceKey> resources,
    boolean automated,
    String operationId,
    String initiatedBy) {

  public SyncSpec {
    syncOptions = syncOptions == null ? List.of() : List.copyOf(syncOptions);
    resources = resources == null ? List.of() : List.copyOf(resources);
  }
}
