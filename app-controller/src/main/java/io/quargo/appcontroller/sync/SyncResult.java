package io.quargo.appcontroller.sync;

import io.quargo.common.model.OperationPhase;
import io.quargo.common.model.application.OperationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a sync operation in Argo's shape: phase, message, the revision synced, and one
 * result per task (pending ones without status), complete enough to resume or fail it after a
 * restart.
 */
public record SyncResult(
    String syncId,
    OperationPhase phase,
    String message,
    String revision,
    List<ResourceResult> resources,
    Instant startedAt,
    Instant finishedAt) {

  public SyncResult {
    resources = List.copyOf(resources);
  }

  /** The results that ran (status set), in execution order. */
  public List<ResourceResult> completedResources() {
    return resources.stream().filter(r -> r.status() != null).toList();
  }

  /**
   * For a controller that finds this state Running after a restart: the operation as Failed, saying
   * how far it got and naming the tasks that never completed, so it is never left silently
   * half-done.
   */
  public SyncResult interrupted(Instant now) {
    if (phase.completed()) {
      return this;
    }
    List<String> unfinished = new ArrayList<>();
    for (ResourceResult r : resources) {
      boolean hookRunning = r.hookType() != null && r.hookPhase() == OperationPhase.RUNNING;
      if (r.status() == null || hookRunning) {
        unfinished.add(r.key().toString());
      }
    }
    String text =
        "the controller stopped during this sync after %d of %d tasks; not completed: %s; sync again"
            .formatted(
                resources.size() - unfinished.size(),
                resources.size(),
                String.join(", ", unfinished));
    return new SyncResult(syncId, OperationPhase.FAILED, text, revision, resources, startedAt, now);
  }

  /** Argo's {@code syncResult}: {@code revision} and {@code resources[]} as plain maps. */
  public Map<String, Object> syncResultMap() {
    List<Object> list = new ArrayList<>();
    for (ResourceResult r : resources) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", r.group());
      m.put("version", r.version());
      m.put("kind", r.kind());
      m.put("namespace", r.namespace());
      m.put("name", r.name());
      if (r.status() != null) {
        m.put("status", r.status().argoName());
      }
      m.put("message", r.message());
      if (r.hookType() != null) {
        m.put("hookType", r.hookType());
      }
      if (r.hookPhase() != null) {
        m.put("hookPhase", argoName(r.hookPhase()));
      }
      m.put("syncPhase", r.syncPhase().argoName());
      list.add(m);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("revision", revision);
    result.put("resources", list);
    return result;
  }

  /** Writes phase, message, times and {@code syncResult} into {@code state}. */
  public OperationState applyTo(OperationState state) {
    state.setPhase(argoName(phase));
    state.setMessage(message);
    state.setSyncResult(syncResultMap());
    state.setStartedAt(startedAt == null ? null : startedAt.toString());
    state.setFinishedAt(finishedAt == null ? null : finishedAt.toString());
    return state;
  }

  static String argoName(OperationPhase phase) {
    String name = phase.name();
    return name.charAt(0) + name.substring(1).toLowerCase();
  }
}
