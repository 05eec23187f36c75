package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.common.events.AppCommand;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.OperationState;
import io.quargo.common.model.application.RevisionHistory;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Turns a rollback request into the sync of a {@code status.history[]} entry's revision. On an app
 * with automated sync, Argo CD's default stays: the rollback turns {@code
 * spec.syncPolicy.automated} off, or the next auto-sync would undo it. With {@code keepAutoSync}
 * automated sync stays on and the app is pinned to the rolled-back revision until a new commit
 * arrives ({@link RollbackPin}).
 */
@ApplicationScoped
public class Rollbacks {

  private final ApplicationRepository apps;

  public Rollbacks(ApplicationRepository apps) {
    this.apps = apps;
  }

  /**
   * Checks the request (400 for an unknown history id, 409 while an operation runs), records what
   * it does to automated sync, and returns the sync to run.
   */
  public SyncSpec prepare(AppCommand.Rollback r) {
    Application app = apps.get(r.namespace(), r.name());
    RevisionHistory entry = entry(app, r.id());
    OperationState current = app.getStatus() == null ? null : app.getStatus().getOperationState();
    if (current != null && "Running".equals(current.getPhase())) {
      throw ProblemException.conflict(
          "application "
              + r.namespace()
              + "/"
              + r.name()
              + " already runs an operation (started "
              + current.getStartedAt()
              + "); wait for it before rolling back");
    }
    if (automated(app) && !r.dryRun()) {
      apps.mutate(
          r.namespace(),
          r.name(),
          stored -> {
            if (r.keepAutoSync()) {
              RollbackPin.set(
                  stored,
                  new RollbackPin.Pin(
                      entry.getRevision(), head(stored), entry.getId(), Apps.now()));
            } else {
              stored.getSpec().getSyncPolicy().setAutomated(null);
              RollbackPin.clear(stored);
            }
          });
    }
    return SyncSpec.rollback(
        entry.getId(),
        entry.getRevision(),
        r.prune(),
        r.dryRun(),
        r.operationId(),
        r.requestedBy());
  }

  private static RevisionHistory entry(Application app, long id) {
    List<RevisionHistory> history =
        app.getStatus() == null || app.getStatus().getHistory() == null
            ? List.of()
            : app.getStatus().getHistory();
    return history.stream()
        .filter(h -> h.getId() != null && h.getId() == id)
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "id", "history id " + id + " not found in status.history"));
  }

  private static boolean automated(Application app) {
    var policy = app.getSpec().getSyncPolicy();
    return policy != null
        && policy.getAutomated() != null
        && !Boolean.FALSE.equals(policy.getAutomated().getEnabled());
  }

  /** The head the app is on now: the revision last compared, else the last one deployed. */
  private static String head(Application app) {
    var status = app.getStatus();
    if (status != null && status.getSync() != null && status.getSync().getRevision() != null) {
      return status.getSync().getRevision();
    }
    List<RevisionHistory> history = status == null ? null : status.getHistory();
    return history == null || history.isEmpty()
        ? null
        : history.get(history.size() - 1).getRevision();
  }
}
