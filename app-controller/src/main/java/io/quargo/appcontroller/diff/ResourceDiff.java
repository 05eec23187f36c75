package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.model.SyncStatusCode;
import java.util.List;

/**
 * The comparison of one resource: Synced or OutOfSync, both sides normalised (null when absent),
 * the JSON pointers that differ, whether it is live only ({@code requiresPruning}) or desired only
 * ({@code missing}).
 */
public record ResourceDiff(
    String group,
    String kind,
    String namespace,
    String name,
    SyncStatusCode status,
    ObjectNode normalizedDesired,
    ObjectNode normalizedLive,
    List<String> differences,
    boolean requiresPruning,
    boolean missing) {

  public ResourceDiff {
    differences = List.copyOf(differences);
  }

  /** The resource's key. */
  public ResourceKey key() {
    return new ResourceKey(group, kind, namespace, name);
  }

  static ResourceDiff of(
      ResourceKey key, ObjectNode desired, ObjectNode live, List<String> differences) {
    boolean pruning = desired == null;
    boolean missing = live == null;
    boolean synced = !pruning && !missing && differences.isEmpty();
    return new ResourceDiff(
        key.group(),
        key.kind(),
        key.namespace(),
        key.name(),
        synced ? SyncStatusCode.SYNCED : SyncStatusCode.OUT_OF_SYNC,
        desired,
        live,
        differences,
        pruning,
        missing);
  }
}
