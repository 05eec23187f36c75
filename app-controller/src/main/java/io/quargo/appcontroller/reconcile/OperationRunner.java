package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.client.RenderException;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.config.ControllerConfig;
import io.quargo.appcontroller.messaging.AppEventPublisher;
import io.quargo.appcontroller.project.ProjectGate;
import io.quargo.appcontroller.project.Violation;
import io.quargo.appcontroller.sync.SyncEngine;
import io.quargo.appcontroller.sync.SyncRequest;
import io.quargo.appcontroller.sync.SyncResult;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.Operation;
import io.quargo.common.model.application.OperationState;
import io.quargo.common.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs sync operations (refused with 409 when the app's project rules or a sync window forbid it,
 * see {@link ProjectGate}): records the operation as Running (durable before anything is applied),
 * renders the revision, runs the {@link SyncEngine} persisting {@code operationState} as it
 * progresses, retries per the request's {@code retryStrategy} (else {@code syncPolicy.retry}) with
 * backoff, appends {@code history[]} on success, and publishes every phase change.
 */
@ApplicationScoped
public class OperationRunner {

  private static final Logger LOG = Logger.getLogger(OperationRunner.class);

  private final ApplicationRepository apps;
  private final DesiredState desiredState;
  private final ClusterClients clusters;
  private final AppLocks locks;
  private final AppEventPublisher events;
  private final ReconcileQueue queue;
  private final ExecutorService pool;
  private final Set<AppKey> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "operation-heartbeat"));
  private final Duration abandonedAfter;
  private final ProjectGate gate;
  private final AppDependencies dependencies;
  private final Terminations terminations;
  private final SyncRetries retries;
  private final OperationEvents operationEvents;

  /** Operations recorded as Running that wait for their app's dependsOn to be ready. */
  private final Map<AppKey, SyncSpec> held = new ConcurrentHashMap<>();

  public OperationRunner(
      ApplicationRepository apps,
      DesiredState desiredState,
      ClusterClients clusters,
      AppLocks locks,
      AppEventPublisher events,
      ReconcileQueue queue,
      ControllerConfig config,
      ProjectGate gate,
      AppDependencies dependencies,
      Terminations terminations,
      SyncRetries retries,
      OperationEvents operationEvents) {
    this.apps = apps;
    this.retries = retries;
    this.operationEvents = operationEvents;
    this.gate = gate;
    this.dependencies = dependencies;
    this.terminations = terminations;
    this.desiredState = desiredState;
    this.clusters = clusters;
    this.locks = locks;
    this.events = events;
    this.queue = queue;
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, config.reconcile().operationWorkers()),
            r -> new Thread(r, "app-operation"));
    this.abandonedAfter = config.reconcile().abandonedAfter();
    long every = Math.max(1, abandonedAfter.toMillis() / 6);
    heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    heartbeats.scheduleWithFixedDelay(this::releaseHeld, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Records the operation as Running and runs it on the operation pool; 409 when the app already
   * runs one. Returns the app as recorded.
   */
  public Application submit(AppKey key, SyncSpec spec) {
    Application started = begin(key, spec);
    pool.submit(() -> execute(key, spec));
    return started;
  }

  /** Records and runs the operation in this thread (automated sync from a reconcile). */
  public SyncResult runNow(AppKey key, SyncSpec spec) {
    begin(key, spec);
    return execute(key, spec);
  }

  /**
   * Marks Running operations whose controller stopped (no heartbeat for {@code
   * quargo.reconcile.abandoned-after}) as Failed, so none stays silently half-done; called by the
   * resync tick of every replica.
   */
  public void failAbandoned() {
    for (Object[] row : apps.abandonedOperations(abandonedAfter.toSeconds())) {
      AppKey key = new AppKey((String) row[0], (String) row[1]);
      if (running.contains(key)) {
        continue;
      }
      String message =
          "the controller running this operation stopped (no heartbeat for "
              + abandonedAfter.toSeconds()
              + "s); resources may be partly applied: sync again";
      end(
          key,
          message,
          app -> {
            OperationState state = Apps.status(app).getOperationState();
            if (state != null
                && ("Running".equals(state.getPhase())
                    || Terminations.TERMINATING.equals(state.getPhase()))) {
              state.setPhase("Failed");
              state.setMessage(message);
              state.setFinishedAt(Apps.now());
            }
          });
      LOG.warnf("operation of %s abandoned by a stopped controller; marked Failed", key);
    }
  }

  private void beat() {
    try {
      if (!running.isEmpty()) {
        apps.heartbeat(running.stream().map(k -> new String[] {k.namespace(), k.name()}).toList());
      }
    } catch (RuntimeException e) {
      LOG.warnf("could not record operation heartbeats: %s", e.getMessage());
    }
  }

  private Application begin(AppKey key, SyncSpec spec) {
    gate.requireSyncAllowed(apps.get(key.namespace(), key.name()), spec.automated(), Instant.now());
    running.add(key);
    apps.heartbeat(List.<String[]>of(new String[] {key.namespace(), key.name()}));
    try {
      Application started = record(key, spec);
      operationEvents.started(started, spec);
      return started;
    } catch (RuntimeException e) {
      running.remove(key);
      throw e;
    }
  }

  private Application record(AppKey key, SyncSpec spec) {
    return changeAndPublish(
        key,
        "sync started",
        app -> {
          OperationState current = Apps.status(app).getOperationState();
          if (current != null && "Running".equals(current.getPhase()) && held.remove(key) == null) {
            throw ProblemException.conflict(
                "application "
                    + key
                    + " already runs an operation (started "
                    + current.getStartedAt()
                    + "); wait for it or terminate it");
          }
          OperationState state = new OperationState();
          state.setOperation(recorded(spec, app));
          state.setPhase("Running");
          state.setMessage("waiting to start");
          state.setStartedAt(Apps.now());
          Apps.status(app).setOperationState(state);
        });
  }

  /** As Argo's API server records it: the request's retry strategy, else the app's policy. */
  private static Operation recorded(SyncSpec spec, Application app) {
    Operation operation = spec.operation();
    if (operation.getRetry() == null) {
      operation.setRetry(SyncRetries.appRetry(app));
    }
    return operation;
  }

  private SyncResult execute(AppKey key, SyncSpec spec) {
    ReentrantLock lock = locks.of(key);
    lock.lock();
    boolean waiting = false;
    try {
      Application app = apps.get(key.namespace(), key.name());
      AppDependencies.Check check = dependencies.check(app);
      if (!check.ready() || AppDependencies.shown(app)) {
        showDependencies(key, check);
      }
      if (check.cycle()) {
        finish(key, null, OperationPhase.FAILED, check.message(), spec);
        return null;
      }
      if (!check.ready()) {
        LOG.infof("sync of %s held: %s", key, check.message());
        held.put(key, spec);
        waiting = true;
        return null;
      }
      return attempts(key, spec);
    } catch (RuntimeException e) {
      LOG.errorf(e, "sync of %s failed", key);
      finish(key, null, OperationPhase.ERROR, "sync failed: " + e.getMessage(), spec);
      return null;
    } finally {
      if (!waiting) {
        running.remove(key);
        terminations.end(key);
      }
      lock.unlock();
      if (!waiting) {
        queue.enqueue(key);
      }
    }
  }

  /**
   * Writes the dependency condition (or clears it) and, while the operation waits, its message;
   * publishes when that changed something.
   */
  private void showDependencies(AppKey key, AppDependencies.Check check) {
    Application[] before = new Application[1];
    boolean[] changed = new boolean[1];
    Application after =
        apps.mutate(
            key.namespace(),
            key.name(),
            app -> {
              before[0] = Apps.copy(app);
              var status = Apps.status(app);
              var conditions = AppDependencies.withCheck(status.getConditions(), check, Apps.now());
              changed[0] = !Objects.equals(conditions, status.getConditions());
              status.setConditions(conditions);
              OperationState state = status.getOperationState();
              if (!check.ready() && !check.cycle() && state != null) {
                String message = "waiting for dependencies: " + check.message();
                changed[0] |= !message.equals(state.getMessage());
                state.setMessage(message);
              }
            });
    if (changed[0]) {
      events.publishIfChanged(
          before[0], after, check.ready() ? "dependencies ready" : check.message());
    }
  }

  /** Runs the held operations whose dependencies became ready (or refuses them on a cycle). */
  private void releaseHeld() {
    for (Map.Entry<AppKey, SyncSpec> entry : List.copyOf(held.entrySet())) {
      AppKey key = entry.getKey();
      try {
        Optional<Application> app = apps.find(key.namespace(), key.name());
        if (app.isEmpty()) {
          held.remove(key);
          running.remove(key);
          continue;
        }
        AppDependencies.Check check = dependencies.check(app.get());
        if (check.ready() || check.cycle()) {
          if (held.remove(key, entry.getValue())) {
            pool.submit(() -> execute(key, entry.getValue()));
          }
        } else {
          showDependencies(key, check);
        }
      } catch (RuntimeException e) {
        LOG.warnf("cannot check the dependencies of %s: %s", key, e.getMessage());
      }
    }
  }

  private SyncResult attempts(AppKey key, SyncSpec spec) {
    long retries = 0;
    SyncSpec attempt = spec;
    while (true) {
      Application app = apps.get(key.namespace(), key.name());
      SyncResult result;
      try {
        result = syncOnce(app, attempt);
      } catch (RenderException e) {
        String message = "cannot render the manifests: " + e.getMessage();
        if (!this.retries.retry(key, app, spec, ++retries, message)) {
          finish(key, null, OperationPhase.ERROR, message, spec);
          return null;
        }
        continue;
      }
      if (result.phase() == OperationPhase.SUCCEEDED
          || terminations.requested(key)
          || !this.retries.retry(key, app, spec, ++retries, result.message())) {
        finish(key, result, result.phase(), result.message(), spec);
        return result;
      }
      attempt = SyncRetries.nextAttempt(attempt, app, result);
    }
  }

  private SyncResult syncOnce(Application app, SyncSpec spec) {
    Desired desired = desiredState.render(app, spec.revision());
    List<Violation> violations = gate.violations(app, desired.manifests());
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          String.join("; ", violations.stream().map(Violation::message).toList()));
    }
    List<String> options = new ArrayList<>();
    var policy = app.getSpec().getSyncPolicy();
    if (policy != null && policy.getSyncOptions() != null) {
      options.addAll(policy.getSyncOptions());
    }
    options.addAll(spec.syncOptions());
    SyncRequest request =
        SyncRequest.of(
                app.getMetadata().getName(), Apps.destinationNamespace(app), desired.manifests())
            .withRevision(desired.revision())
            .withPrune(spec.prune())
            .withDryRun(spec.dryRun())
            .withSyncOptions(options)
            .withResources(spec.resources())
            .withIgnoreDifferences(app.getSpec().getIgnoreDifferences())
            .withStrategy(spec.effectiveStrategy());
    AppKey key = Apps.key(app);
    return clusters
        .forApp(app)
        .engine()
        .sync(request, progress -> progress(key, progress), terminations.of(key));
  }

  private void progress(AppKey key, SyncResult progress) {
    apps.mutate(
        key.namespace(),
        key.name(),
        app -> {
          OperationState state = Apps.status(app).getOperationState();
          if (state != null) {
            boolean terminating = Terminations.TERMINATING.equals(state.getPhase());
            progress.applyTo(state);
            state.setFinishedAt(null);
            // a report never ends the operation, even the engine's last one: finish() writes the
            // end with its history entry and announces it (an end written here would leave
            // finish() no phase change to publish, and watchers would see Running for good)
            state.setPhase(
                terminating ? Terminations.TERMINATING : Apps.argoName(OperationPhase.RUNNING));
          }
        });
  }

  private void finish(
      AppKey key, SyncResult result, OperationPhase phase, String message, SyncSpec spec) {
    end(
        key,
        message,
        app -> {
          OperationState state = Apps.status(app).getOperationState();
          if (state == null) {
            state = new OperationState();
            state.setOperation(spec.operation());
            Apps.status(app).setOperationState(state);
          }
          if (result != null) {
            result.applyTo(state);
          }
          state.setPhase(Apps.argoName(phase));
          state.setMessage(message);
          state.setFinishedAt(Apps.now());
          if (phase == OperationPhase.SUCCEEDED && !spec.dryRun() && result != null) {
            History.append(app, result, state, spec.automated());
            RollbackPin.endIfMovedOn(app, result.revision());
          }
        });
  }

  /**
   * Writes the operation's end with {@code change}, publishes it and records OperationCompleted.
   */
  private void end(AppKey key, String message, Consumer<Application> change) {
    operationEvents.completed(changeAndPublish(key, message, change));
  }

  /**
   * Applies {@code change} to the stored app and publishes an event with {@code message} when its
   * sync status, health or operation phase changed; returns the app as stored.
   */
  private Application changeAndPublish(AppKey key, String message, Consumer<Application> change) {
    Application[] before = new Application[1];
    Application after =
        apps.mutate(
            key.namespace(),
            key.name(),
            app -> {
              before[0] = Apps.copy(app);
              change.accept(app);
            });
    events.publishIfChanged(before[0], after, message);
    return after;
  }

  @PreDestroy
  void stop() {
    heartbeats.shutdownNow();
    pool.shutdownNow();
  }
}
