package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.common.model.OperationPhase;
import java.util.Comparator;

/**
 * One step of a sync: apply a desired object (target), run a hook, or prune a live object (no
 * target). Ordered by phase, wave, kind and name; carries its own result as it runs.
 */
final class SyncTask {

  /** Argo's order: phase, wave, kind order, name. */
  static final Comparator<SyncTask> ORDER =
      Comparator.comparing((SyncTask t) -> t.phase)
          .thenComparingInt(t -> t.wave)
          .thenComparingInt(t -> KindOrder.rank(t.key().kind()))
          .thenComparing(t -> t.key().name());

  SyncPhase phase;
  final ObjectNode target;
  ObjectNode live;
  final SyncOptionSet options;
  final boolean hook;
  int wave;
  ApiKind apiKind;
  boolean skipDryRun;

  ResultCode status;
  String message = "";
  OperationPhase hookPhase;

  SyncTask(SyncPhase phase, int wave, ObjectNode target, ObjectNode live, SyncOptionSet options) {
    this.phase = phase;
    this.wave = wave;
    this.target = target;
    this.live = live;
    this.options = options;
    this.hook = target != null && Hooks.isHook(target);
  }

  boolean isPrune() {
    return target == null;
  }

  /** The target when there is one, else the live object. */
  ObjectNode object() {
    return target != null ? target : live;
  }

  ResourceKey key() {
    return ResourceKey.of(object());
  }

  String name() {
    return object().path("metadata").path("name").asText("");
  }

  String namespace() {
    return object().path("metadata").path("namespace").asText("");
  }

  boolean done() {
    return status != null && (!hook || (hookPhase != null && hookPhase.completed()));
  }

  boolean failed() {
    return status == ResultCode.SYNC_FAILED
        || hookPhase == OperationPhase.FAILED
        || hookPhase == OperationPhase.ERROR;
  }

  ResourceResult result() {
    ResourceKey key = key();
    String apiVersion = object().path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    return new ResourceResult(
        key.group(),
        slash < 0 ? apiVersion : apiVersion.substring(slash + 1),
        key.kind(),
        key.namespace(),
        key.name(),
        status,
        message,
        hook ? phase.argoName() : null,
        hookPhase,
        phase,
        wave);
  }

  @Override
  public String toString() {
    return "%s/%d %s%s".formatted(phase.argoName(), wave, isPrune() ? "prune " : "", key());
  }
}
