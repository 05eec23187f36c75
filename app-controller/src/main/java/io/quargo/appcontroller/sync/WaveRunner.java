package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.health.HealthStatus;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.model.OperationPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Runs one wave: applies its resources and hooks, deletes its prunes, then waits until resources
 * are Healthy (or Suspended), hooks completed and pruned objects gone, within the health timeout.
 * Hooks are deleted by their delete policy. While waiting it says what for, in Argo CD's words
 * ("waiting for healthy state of apps/Deployment/web"). Throws {@link SyncFailure} when the wave
 * fails.
 */
final class WaveRunner {

  private final ClusterObjects cluster;
  private final ResourceApplier applier;
  private final HealthAssessor health;
  private final SyncConfig config;
  private final Termination termination;
  private final Runnable progress;
  private final Consumer<String> waiting;

  /**
   * {@code progress} reports the tasks' state; {@code waiting} gets what the wave waits for, or ""
   * once it waits for nothing.
   */
  WaveRunner(
      ClusterObjects cluster,
      ResourceApplier applier,
      HealthAssessor health,
      SyncConfig config,
      Termination termination,
      Runnable progress,
      Consumer<String> waiting) {
    this.cluster = cluster;
    this.applier = applier;
    this.health = health;
    this.config = config;
    this.termination = termination;
    this.progress = progress;
    this.waiting = waiting;
  }

  void run(List<SyncTask> wave, SyncRequest request) {
    List<String> failures = new ArrayList<>();
    for (SyncTask task : wave) {
      checkTerminated();
      if (task.status != null) {
        continue; // PruneSkipped, decided when planning
      }
      try {
        execute(task, request);
      } catch (KubernetesClientException | SyncFailure e) {
        task.status = ResultCode.SYNC_FAILED;
        task.message = e.getMessage();
        failures.add(task.key() + ": " + e.getMessage());
      }
      progress.run();
    }
    if (!failures.isEmpty()) {
      throw new SyncFailure(
          "one or more objects failed to apply, reason: " + String.join("; ", failures));
    }
    await(wave);
  }

  private void execute(SyncTask task, SyncRequest request) {
    ApiKind kind = kind(task);
    String namespace = task.namespace().isEmpty() ? null : task.namespace();
    if (task.isPrune()) {
      cluster.delete(kind, namespace, task.name(), task.options.prunePropagationPolicy());
      task.status = ResultCode.PRUNED;
      task.message = "pruned";
      return;
    }
    ObjectNode live = cluster.get(kind, namespace, task.name()).orElse(null);
    if (task.hook) {
      if (live != null
          && Hooks.deletePolicies(task.target).contains(Hooks.DeletePolicy.BEFORE_HOOK_CREATION)) {
        cluster.delete(kind, namespace, task.name(), "background");
        awaitGone(kind, namespace, task.name());
        live = null;
      }
      String verb =
          applier.apply(kind, task.target, live, task.options, request.strategy().force());
      task.status = ResultCode.SYNCED;
      task.hookPhase = OperationPhase.RUNNING;
      task.message = describe(task) + " " + verb;
      return;
    }
    ObjectNode target = task.target;
    if (task.options.respectIgnoreDifferences() && live != null) {
      target = IgnoredFields.keepLive(target, live, request.ignoreDifferences());
    }
    task.live = live;
    task.status = ResultCode.SYNCED;
    task.message =
        describe(task)
            + " "
            + applier.apply(kind, target, live, task.options, request.strategy().force());
  }

  private void await(List<SyncTask> wave) {
    Instant deadline = Instant.now().plus(config.healthTimeout());
    String said = "";
    while (true) {
      List<String> waitingFor = new ArrayList<>();
      List<SyncTask> pending = new ArrayList<>();
      List<String> failedHooks = new ArrayList<>();
      for (SyncTask task : wave) {
        String waitsFor = check(task, failedHooks);
        if (waitsFor != null) {
          waitingFor.add(waitsFor);
          pending.add(task);
        }
      }
      String message = waitingMessage(pending);
      if (!message.equals(said)) {
        said = message;
        waiting.accept(message);
      } else {
        progress.run();
      }
      if (!failedHooks.isEmpty()) {
        throw new SyncFailure(String.join("; ", failedHooks));
      }
      if (waitingFor.isEmpty()) {
        return;
      }
      checkTerminated();
      if (Instant.now().isAfter(deadline)) {
        for (SyncTask task : wave) {
          if (task.hook && task.hookPhase == OperationPhase.RUNNING) {
            task.hookPhase = OperationPhase.FAILED;
            task.message = "hook did not complete within " + config.healthTimeout();
          }
        }
        throw new SyncFailure(
            "%s wave %d did not become healthy within %s: waiting for %s"
                .formatted(
                    wave.get(0).phase.argoName(),
                    wave.get(0).wave,
                    config.healthTimeout(),
                    String.join(", ", waitingFor)));
      }
      LockSupport.parkNanos(config.pollInterval().toNanos());
    }
  }

  /**
   * Argo CD's operation message for {@code pending} (named by the first of them): "waiting for
   * healthy state of apps/Deployment/web and 2 more resources", "waiting for completion of hook
   * batch/Job/migrate", "waiting for deletion of /ConfigMap/old"; "" when nothing is pending.
   */
  static String waitingMessage(List<SyncTask> pending) {
    if (pending.isEmpty()) {
      return "";
    }
    SyncTask first = pending.get(0);
    String waitingFor = first.hook ? "completion of hook" : "healthy state of";
    if (first.isPrune()) {
      waitingFor = "deletion of";
    }
    String message =
        "waiting for %s %s/%s/%s"
            .formatted(waitingFor, first.key().group(), first.key().kind(), first.name());
    int more = pending.size() - 1;
    return more == 0
        ? message
        : "%s and %d more %s".formatted(message, more, first.hook ? "hooks" : "resources");
  }

  /** Null when {@code task} is done; else what it waits for. Failed hooks go to {@code failed}. */
  private String check(SyncTask task, List<String> failed) {
    if (task.apiKind == null || task.status == ResultCode.PRUNE_SKIPPED) {
      return null;
    }
    String namespace = task.namespace().isEmpty() ? null : task.namespace();
    ObjectNode live = cluster.get(task.apiKind, namespace, task.name()).orElse(null);
    if (task.isPrune()) {
      return live == null ? null : task.key() + " (pending deletion)";
    }
    HealthStatus status = health.assess(live);
    if (task.hook) {
      if (task.hookPhase != OperationPhase.RUNNING) {
        return null;
      }
      if (status.status() == HealthStatusCode.HEALTHY) {
        finishHook(task, OperationPhase.SUCCEEDED, Hooks.DeletePolicy.HOOK_SUCCEEDED, status);
        return null;
      }
      if (status.status() == HealthStatusCode.DEGRADED) {
        finishHook(task, OperationPhase.FAILED, Hooks.DeletePolicy.HOOK_FAILED, status);
        failed.add(
            "%s hook %s failed: %s".formatted(task.phase.argoName(), task.key(), status.message()));
        return null;
      }
      return task.key() + " (hook " + argoName(status.status()) + ")";
    }
    if (status.status() == HealthStatusCode.HEALTHY
        || status.status() == HealthStatusCode.SUSPENDED) {
      return null;
    }
    String message = status.message().isEmpty() ? "" : ": " + status.message();
    return "%s (%s%s)".formatted(task.key(), argoName(status.status()), message);
  }

  private void finishHook(
      SyncTask task, OperationPhase phase, Hooks.DeletePolicy policy, HealthStatus status) {
    task.hookPhase = phase;
    if (!status.message().isEmpty()) {
      task.message = status.message();
    }
    if (Hooks.deletePolicies(task.target).contains(policy)) {
      String namespace = task.namespace().isEmpty() ? null : task.namespace();
      cluster.delete(task.apiKind, namespace, task.name(), "background");
    }
  }

  private void awaitGone(ApiKind kind, String namespace, String name) {
    Instant deadline = Instant.now().plus(config.healthTimeout());
    while (cluster.get(kind, namespace, name).isPresent()) {
      checkTerminated();
      if (Instant.now().isAfter(deadline)) {
        throw new SyncFailure(
            "%s %s/%s was not deleted within %s before re-creating the hook"
                .formatted(kind.kind(), namespace, name, config.healthTimeout()));
      }
      LockSupport.parkNanos(config.pollInterval().toNanos());
    }
  }

  private ApiKind kind(SyncTask task) {
    if (task.apiKind == null) {
      cluster.catalog().refresh(); // a CRD applied in an earlier wave may serve it now
      String apiVersion = task.object().path("apiVersion").asText("");
      task.apiKind =
          cluster
              .catalog()
              .find(apiVersion, task.key().kind())
              .orElseThrow(
                  () ->
                      new SyncFailure(
                          "the cluster does not serve %s %s; install its CRD in an earlier wave"
                              .formatted(apiVersion, task.key().kind())));
    }
    return task.apiKind;
  }

  private void checkTerminated() {
    if (termination.requested()) {
      throw SyncFailure.terminated();
    }
  }

  /** Progressing, Degraded... as Argo CD writes health codes. */
  private static String argoName(HealthStatusCode code) {
    String name = code.name();
    return name.charAt(0) + name.substring(1).toLowerCase();
  }

  private static String describe(SyncTask task) {
    String group = task.key().group();
    return task.key().kind().toLowerCase()
        + (group.isEmpty() ? "" : "." + group)
        + "/"
        + task.name();
  }
}
