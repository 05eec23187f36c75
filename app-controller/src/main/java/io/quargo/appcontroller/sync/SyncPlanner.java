package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.diff.DiffEngine;
import io.quargo.appcontroller.diff.DiffOptions;
import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.appcontroller.kube.TrackedObjects;
import io.quargo.common.model.SyncStatusCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns desired and live objects into ordered sync tasks: tracking label and namespace set, hooks
 * expanded per phase (generated names made from the sync id, as Argo CD does; none with the apply
 * strategy or a selective sync), selective sync and ApplyOutOfSyncOnly filters, prune tasks
 * (PruneSkipped when prune is off or {@code Prune=false}, PruneLast in a final wave), Namespaces
 * and CRDs moved before the tasks that need them.
 */
final class SyncPlanner {

  private final ClusterObjects cluster;

  SyncPlanner(ClusterObjects cluster) {
    this.cluster = cluster;
  }

  List<SyncTask> plan(SyncRequest request, List<ObjectNode> tracked, String syncId) {
    SyncOptionSet appOptions = SyncOptionSet.of(request.syncOptions());
    Set<ResourceKey> selected = new HashSet<>(request.resources());
    boolean selective = !selected.isEmpty();
    DiffEngine diff =
        new DiffEngine(
            new DiffOptions(request.ignoreDifferences(), request.destinationNamespace()));
    List<SyncTask> tasks = new ArrayList<>();
    Set<ResourceKey> desiredKeys = new HashSet<>();
    for (ObjectNode original : request.desired()) {
      if (Hooks.skipped(original)) {
        continue;
      }
      ObjectNode object = prepare(original, request);
      ApiKind kind = find(object);
      SyncOptionSet options = appOptions.withResource(object);
      List<SyncPhase> hookPhases = Hooks.phases(object);
      if (hookPhases.isEmpty()) {
        ResourceKey key = ResourceKey.of(object);
        desiredKeys.add(key);
        if (selective && !selected.contains(key)) {
          continue;
        }
        ObjectNode live = kind == null ? null : live(kind, object);
        if (live != null && options.applyOutOfSyncOnly() && synced(diff, object, live)) {
          continue;
        }
        tasks.add(task(SyncPhase.SYNC, object, live, options, kind));
      } else if (!selective && request.strategy().runsHooks()) {
        for (SyncPhase phase : hookPhases) {
          ObjectNode hook = named(object.deepCopy(), syncId, phase);
          ObjectNode live = kind == null ? null : live(kind, hook);
          tasks.add(task(phase, hook, live, options, kind));
        }
      }
    }
    List<SyncTask> prunes = new ArrayList<>();
    for (ObjectNode live : tracked) {
      ResourceKey key = ResourceKey.of(live);
      if (desiredKeys.contains(key) || Hooks.isHook(live) || Hooks.skipped(live)) {
        continue;
      }
      if (selective && !selected.contains(key)) {
        continue;
      }
      SyncOptionSet options = appOptions.withResource(live);
      SyncTask prune = task(SyncPhase.SYNC, null, live, options, find(live));
      if (!request.prune()) {
        prune.status = ResultCode.PRUNE_SKIPPED;
        prune.message = "ignored (requires pruning)";
      } else if (options.pruneDisabled()) {
        prune.status = ResultCode.PRUNE_SKIPPED;
        prune.message = "ignored (no prune)";
      }
      prunes.add(prune);
      tasks.add(prune);
    }
    int lastSyncWave =
        tasks.stream().filter(t -> t.phase == SyncPhase.SYNC).mapToInt(t -> t.wave).max().orElse(0);
    for (SyncTask prune : prunes) {
      if (prune.options.pruneLast()) {
        prune.wave = lastSyncWave + 1;
      }
    }
    tasks.sort(SyncTask.ORDER);
    Dependencies.bringForward(tasks);
    tasks.sort(SyncTask.ORDER);
    return tasks;
  }

  private static SyncTask task(
      SyncPhase phase, ObjectNode target, ObjectNode live, SyncOptionSet options, ApiKind kind) {
    SyncTask task =
        new SyncTask(phase, Hooks.wave(target != null ? target : live), target, live, options);
    task.apiKind = kind;
    return task;
  }

  /** A copy with the tracking label, and the namespace set (namespaced) or removed (cluster). */
  private ObjectNode prepare(ObjectNode original, SyncRequest request) {
    ObjectNode object = TrackedObjects.track(original.deepCopy(), request.appName());
    ObjectNode metadata = object.withObjectProperty("metadata");
    ApiKind kind = find(object);
    boolean namespaced = kind == null || kind.namespaced();
    if (kind != null && !namespaced) {
      metadata.remove("namespace");
    } else if (metadata.path("namespace").asText("").isEmpty()
        && !request.destinationNamespace().isEmpty()
        && !"Namespace".equals(object.path("kind").asText())) {
      metadata.put("namespace", request.destinationNamespace());
    }
    return object;
  }

  /** A hook with generateName gets {@code <generateName><syncId>-<phase>}, stable per sync. */
  private static ObjectNode named(ObjectNode hook, String syncId, SyncPhase phase) {
    ObjectNode metadata = hook.withObjectProperty("metadata");
    String generateName = metadata.path("generateName").asText("");
    if (metadata.path("name").asText("").isEmpty() && !generateName.isEmpty()) {
      metadata.put("name", generateName + syncId + "-" + phase.argoName().toLowerCase(Locale.ROOT));
      metadata.remove("generateName");
    }
    return hook;
  }

  private ApiKind find(ObjectNode object) {
    return cluster
        .catalog()
        .find(object.path("apiVersion").asText(""), object.path("kind").asText(""))
        .orElse(null);
  }

  private ObjectNode live(ApiKind kind, ObjectNode object) {
    String name = object.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      return null;
    }
    return cluster
        .get(kind, object.path("metadata").path("namespace").asText(null), name)
        .orElse(null);
  }

  private static boolean synced(DiffEngine diff, ObjectNode desired, ObjectNode live) {
    return diff.diff(desired, live).status() == SyncStatusCode.SYNCED;
  }
}
