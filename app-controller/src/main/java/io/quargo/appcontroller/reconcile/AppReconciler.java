package io.quargo.appcontroller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.client.RenderException;
import io.quargo.appcontroller.cluster.ClusterAccess;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.cluster.UnknownClusterException;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.messaging.AppEventPublisher;
import io.quargo.appcontroller.project.ProjectGate;
import io.quargo.appcontroller.project.Violation;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationCondition;
import io.quargo.common.model.application.ApplicationStatus;
import io.quargo.common.model.application.ApplicationSummary;
import io.quargo.common.model.application.ComparedTo;
import io.quargo.common.model.application.HealthStatus;
import io.quargo.common.model.application.SyncStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One reconcile of one app: desired objects from repo-server, live objects by tracking label, diff
 * and health into {@code status} (sync, health, resources, conditions, reconciledAt,
 * summary.images), persisted and published when changed, then automated sync when the policy says
 * so. A rendering failure becomes a ComparisonError condition; the rest of the status stays.
 * Project violations become conditions naming the rule and hold automated sync, as does a sync
 * window.
 */
@ApplicationScoped
public class AppReconciler {

  static final String COMPARISON_ERROR = "ComparisonError";
  private static final Logger LOG = Logger.getLogger(AppReconciler.class);

  private final ApplicationRepository apps;
  private final DesiredState desiredState;
  private final ClusterClients clusters;
  private final AppComparer comparer;
  private final AppLocks locks;
  private final AppEventPublisher events;
  private final OperationRunner operations;
  private final ProjectGate gate;
  private final OperationEvents operationEvents;

  public AppReconciler(
      ApplicationRepository apps,
      DesiredState desiredState,
      ClusterClients clusters,
      HealthAssessor health,
      AppLocks locks,
      AppEventPublisher events,
      OperationRunner operations,
      ProjectGate gate,
      OperationEvents operationEvents) {
    this.apps = apps;
    this.operationEvents = operationEvents;
    this.desiredState = desiredState;
    this.clusters = clusters;
    this.comparer = new AppComparer(health);
    this.locks = locks;
    this.events = events;
    this.operations = operations;
    this.gate = gate;
  }

  /** Reconciles now, waiting for a running sync of the app to end; empty when the app is gone. */
  public Optional<Application> reconcile(AppKey key) {
    ReentrantLock lock = locks.of(key);
    lock.lock();
    try {
      return doReconcile(key);
    } finally {
      lock.unlock();
    }
  }

  /** Reconciles unless the app is busy (a sync runs); false when busy. */
  public boolean tryReconcile(AppKey key) {
    ReentrantLock lock = locks.of(key);
    if (!lock.tryLock()) {
      return false;
    }
    try {
      doReconcile(key);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Compares the app now without writing anything (for managed-resources and resource-tree). */
  public Comparison compare(Application app) {
    Desired desired = desiredState.render(app, null);
    ClusterAccess access = clusters.forApp(app);
    return comparer.compare(
        app, desired.manifests(), access.tracked().of(app.getMetadata().getName()), scopes(access));
  }

  /** Which kinds the app's destination cluster serves as namespaced (for the target state). */
  private static AppComparer.Scopes scopes(ClusterAccess access) {
    return (apiVersion, kind) ->
        access.objects().catalog().find(apiVersion, kind).map(ApiKind::namespaced);
  }

  private Optional<Application> doReconcile(AppKey key) {
    Optional<Application> found = apps.find(key.namespace(), key.name());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Application before = found.get();
    long started = System.nanoTime();
    Desired desired;
    List<ObjectNode> live;
    try {
      desired = desiredState.render(before, null);
      live = clusters.forApp(before).tracked().of(key.name());
    } catch (RenderException | KubernetesClientException | UnknownClusterException e) {
      String message =
          e instanceof UnknownClusterException
              ? e.getMessage()
              : e instanceof RenderException
                  ? "Failed to load target state: " + e.getMessage()
                  : "Failed to load live state: " + e.getMessage();
      String type =
          e instanceof UnknownClusterException ? Violation.INVALID_SPEC : COMPARISON_ERROR;
      Application after =
          apps.mutate(key.namespace(), key.name(), app -> comparisonError(app, type, message));
      events.publishIfChanged(before, after, message);
      operationEvents.statusChanged(before, after);
      return Optional.of(after);
    }
    Comparison comparison =
        comparer.compare(before, desired.manifests(), live, scopes(clusters.forApp(before)));
    List<Violation> violations = gate.violations(before, desired.manifests());
    Application after =
        apps.mutate(
            key.namespace(),
            key.name(),
            app -> {
              write(app, desired, comparison);
              ApplicationStatus status = Apps.status(app);
              status.setConditions(
                  ProjectGate.withViolations(status.getConditions(), violations, Apps.now()));
            });
    LOG.debugf(
        "reconciled %s in %d ms: %s, %s",
        key,
        (System.nanoTime() - started) / 1_000_000,
        comparison.syncStatus(),
        comparison.health().status());
    events.publishIfChanged(before, after, after.getStatus().getHealth().getMessage());
    operationEvents.statusChanged(before, after);
    AutoSyncPolicy.Decision decision = AutoSyncPolicy.decide(after, comparison, desired.revision());
    if (decision.sync() && !violations.isEmpty()) {
      LOG.infof("automated sync of %s held: %s", key, violations.get(0).message());
      return Optional.of(after);
    }
    String window = decision.sync() ? gate.windowBlock(after, true, Instant.now()) : null;
    if (window != null) {
      LOG.infof("automated sync of %s held: %s", key, window);
      return Optional.of(after);
    }
    if (decision.sync()) {
      LOG.infof("automated sync of %s: %s", key, decision.reason());
      var automated = after.getSpec().getSyncPolicy().getAutomated();
      operations.runNow(
          key,
          SyncSpec.automated(
              desired.revision(),
              Boolean.TRUE.equals(automated.getPrune()),
              UUID.randomUUID().toString()));
      return apps.find(key.namespace(), key.name());
    }
    return Optional.of(after);
  }

  private static void write(Application app, Desired desired, Comparison comparison) {
    ApplicationStatus status = Apps.status(app);
    SyncStatus sync = new SyncStatus();
    sync.setStatus(Apps.argoName(comparison.syncStatus()));
    if (Apps.multiSource(app)) {
      sync.setRevisions(desired.revisions());
    } else {
      sync.setRevision(desired.revision());
    }
    ComparedTo comparedTo = new ComparedTo();
    comparedTo.setSource(app.getSpec().getSource());
    comparedTo.setSources(app.getSpec().getSources());
    comparedTo.setDestination(app.getSpec().getDestination());
    comparedTo.setIgnoreDifferences(app.getSpec().getIgnoreDifferences());
    sync.setComparedTo(comparedTo);
    status.setSync(sync);
    HealthStatus health = new HealthStatus();
    health.setStatus(Apps.argoName(comparison.health().status()));
    if (!comparison.health().message().isEmpty()) {
      health.setMessage(comparison.health().message());
    }
    HealthStatus previous = status.getHealth();
    health.setLastTransitionTime(
        previous != null && health.getStatus().equals(previous.getStatus())
            ? previous.getLastTransitionTime()
            : Apps.now());
    status.setHealth(health);
    status.setResources(comparison.resources());
    status.setConditions(withoutComparisonError(status.getConditions()));
    String now = Apps.now();
    status.setReconciledAt(now);
    status.setObservedAt(now);
    ApplicationSummary summary =
        status.getSummary() == null ? new ApplicationSummary() : status.getSummary();
    summary.setImages(comparison.images().isEmpty() ? null : comparison.images());
    status.setSummary(summary);
    status.setSourceType(desired.sourceType().isEmpty() ? null : desired.sourceType());
  }

  private static void comparisonError(Application app, String type, String message) {
    ApplicationStatus status = Apps.status(app);
    List<ApplicationCondition> conditions = withoutComparisonError(status.getConditions());
    if (conditions != null) {
      conditions.removeIf(c -> type.equals(c.getType()) && message.equals(c.getMessage()));
    }
    ApplicationCondition condition = new ApplicationCondition();
    condition.setType(type);
    condition.setMessage(message);
    condition.setLastTransitionTime(Apps.now());
    conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
    conditions.add(condition);
    status.setConditions(conditions);
    status.setReconciledAt(Apps.now());
    if (status.getSync() == null) {
      SyncStatus unknown = new SyncStatus();
      unknown.setStatus("Unknown");
      status.setSync(unknown);
    }
  }

  private static List<ApplicationCondition> withoutComparisonError(
      List<ApplicationCondition> conditions) {
    if (conditions == null) {
      return null;
    }
    List<ApplicationCondition> kept =
        conditions.stream().filter(c -> !COMPARISON_ERROR.equals(c.getType())).toList();
    return kept.isEmpty() ? null : new ArrayList<>(kept);
  }
}
