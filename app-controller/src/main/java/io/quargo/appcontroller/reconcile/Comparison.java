package io.quargo.appcontroller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.diff.ResourceDiff;
import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.appcontroller.health.HealthStatus;
import io.quargo.common.model.SyncStatusCode;
import io.quargo.common.model.application.ResourceStatus;
import java.util.List;
import java.util.Map;

/**
 * Desired against live for one app: the per-resource diffs, the raw live objects by key, the app's
 * sync status and health, Argo's {@code status.resources[]} and the images in use.
 */
public record Comparison(
    List<ObjectNode> desired,
    List<ResourceDiff> diffs,
    Map<ResourceKey, ObjectNode> live,
    SyncStatusCode syncStatus,
    HealthStatus health,
    List<ResourceStatus> resources,
    List<String> images) {

  /** Whether a resource differs from Git without being missing or extra (live drift). */
  public boolean drifted() {
    return diffs.stream()
        .anyMatch(
            d -> d.status() == SyncStatusCode.OUT_OF_SYNC && !d.missing() && !d.requiresPruning());
  }
}
