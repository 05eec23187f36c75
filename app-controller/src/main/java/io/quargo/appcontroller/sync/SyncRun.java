package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.appcontroller.kube.TrackedObjects;
import io.quargo.common.model.OperationPhase;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One sync operation from start to end: plan, dry run, create the namespace, then phase by phase
 * and wave by wave; on failure the SyncFail hooks. Reports its state after every step.
 */
final class SyncRun {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClusterObjects cluster;
  private final ResourceApplier applier;
  private final HealthAssessor health;
  private final SyncConfig config;
  private final SyncRequest request;
  private final SyncListener listener;
  private final Termination termination;
  private final String syncId = randomId();
  private final Instant startedAt = Instant.now();
  private final List<ResourceResult> extras = new ArrayList<>();
  private List<SyncTask> tasks = List.of();
  private OperationPhase phase = OperationPhase.RUNNING;
  private String message = "";
  private String syncFailCause = "";

  SyncRun(
      ClusterObjects cluster,
      ResourceApplier applier,
      HealthAssessor health,
      SyncConfig config,
      SyncRequest request,
      SyncListener listener,
      Termination termination) {
    this.cluster = cluster;
    this.applier = applier;
    this.health = health;
    this.config = config;
    this.request = request;
    this.listener = listener;
    this.termination = termination;
  }

  SyncResult run() {
    SyncOptionSet appOptions;
    try {
      appOptions = SyncOptionSet.of(request.syncOptions());
      List<ObjectNode> tracked =
          request.live() != null
              ? request.live()
              : new TrackedObjects(cluster).of(request.appName());
      tasks = new SyncPlanner(cluster).plan(request, tracked, syncId);
      report();
      if (!new DryRun(cluster).validate(tasks, request, appOptions)) {
        return finish(
            OperationPhase.FAILED,
            "one or more synchronization tasks are not valid: " + failures());
      }
      if (request.dryRun()) {
        tasks.stream().filter(t -> t.status == null).forEach(t -> t.message = "(dry run)");
        return finish(OperationPhase.SUCCEEDED, "successfully synced (dry run)");
      }
      createNamespace(appOptions);
      WaveRunner runner = runner();
      for (List<SyncTask> wave : waves(false)) {
        runner.run(wave, request);
      }
      return finish(OperationPhase.SUCCEEDED, "successfully synced (all tasks run)");
    } catch (SyncFailure failure) {
      if (failure.isTerminated()) {
        phase = OperationPhase.TERMINATING;
        report();
        terminateRunningHooks();
        return finish(OperationPhase.FAILED, SyncFailure.TERMINATED);
      }
      return finish(OperationPhase.FAILED, runSyncFail(failure.getMessage()));
    } catch (RuntimeException e) {
      return finish(
          OperationPhase.ERROR, "sync of app %s failed: %s".formatted(request.appName(), e));
    }
  }

  /** As Argo CD does on terminate: running hooks are deleted and marked failed. */
  private void terminateRunningHooks() {
    for (SyncTask task : tasks) {
      if (task.hook && task.hookPhase == OperationPhase.RUNNING && task.apiKind != null) {
        String namespace = task.namespace().isEmpty() ? null : task.namespace();
        try {
          cluster.delete(task.apiKind, namespace, task.name(), "background");
        } catch (RuntimeException e) {
          task.message = "terminated, but deleting the hook failed: " + e.getMessage();
        }
        task.hookPhase = OperationPhase.FAILED;
        if (!task.message.startsWith("terminated")) {
          task.message = "Terminated";
        }
      }
    }
  }

  private String runSyncFail(String failure) {
    List<List<SyncTask>> syncFail = waves(true);
    if (syncFail.isEmpty()) {
      return failure;
    }
    syncFailCause = failure;
    message = failure;
    report();
    WaveRunner runner = runner();
    try {
      for (List<SyncTask> wave : syncFail) {
        runner.run(wave, request);
      }
    } catch (SyncFailure hookFailure) {
      return failure + "; SyncFail hooks failed too: " + hookFailure.getMessage();
    }
    return failure;
  }

  private WaveRunner runner() {
    return new WaveRunner(
        cluster, applier, health, config, termination, this::report, this::waiting);
  }

  /** Shows what a wave waits for as the operation message, as Argo CD does; "" when nothing. */
  private void waiting(String what) {
    message = what.isEmpty() ? syncFailCause : what;
    report();
  }

  /** Consecutive tasks of one phase and wave, SyncFail ones only or all others. */
  private List<List<SyncTask>> waves(boolean syncFail) {
    List<List<SyncTask>> waves = new ArrayList<>();
    List<SyncTask> current = null;
    for (SyncTask task : tasks) {
      if ((task.phase == SyncPhase.SYNC_FAIL) != syncFail) {
        continue;
      }
      if (current == null
          || current.get(0).phase != task.phase
          || current.get(0).wave != task.wave) {
        current = new ArrayList<>();
        waves.add(current);
      }
      current.add(task);
    }
    return waves;
  }

  private void createNamespace(SyncOptionSet appOptions) {
    String namespace = request.destinationNamespace();
    if (!appOptions.createNamespace() || namespace.isEmpty()) {
      return;
    }
    if (cluster.client().namespaces().withName(namespace).get() != null) {
      return;
    }
    boolean inManifests =
        tasks.stream()
            .anyMatch(
                t ->
                    !t.isPrune()
                        && "Namespace".equals(t.key().kind())
                        && namespace.equals(t.name()));
    if (inManifests) {
      return;
    }
    try {
      cluster
          .client()
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      return; // another app's sync created it between our check and our create: it exists
    }
    extras.add(
        new ResourceResult(
            "",
            "v1",
            "Namespace",
            "",
            namespace,
            ResultCode.SYNCED,
            "namespace/" + namespace + " created",
            null,
            null,
            SyncPhase.PRE_SYNC,
            0));
    report();
  }

  private String failures() {
    List<String> failed = new ArrayList<>();
    for (SyncTask task : tasks) {
      if (task.status == ResultCode.SYNC_FAILED) {
        failed.add(task.key() + ": " + task.message);
      }
    }
    return String.join("; ", failed);
  }

  private SyncResult finish(OperationPhase finalPhase, String finalMessage) {
    phase = finalPhase;
    message = finalMessage;
    SyncResult result = snapshot(Instant.now());
    listener.onProgress(result);
    return result;
  }

  private void report() {
    listener.onProgress(snapshot(null));
  }

  private SyncResult snapshot(Instant finishedAt) {
    List<ResourceResult> results = new ArrayList<>(extras);
    for (SyncTask task : tasks) {
      if (task.phase != SyncPhase.SYNC_FAIL || task.status != null) {
        results.add(task.result()); // SyncFail hooks appear once they run
      }
    }
    return new SyncResult(
        syncId, phase, message, request.revision(), results, startedAt, finishedAt);
  }

  private static String randomId() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
