package io.quargo.appcontroller.reconcile;

import io.quargo.common.model.SyncStatusCode;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.OperationState;
import io.quargo.common.model.application.SyncPolicyAutomated;
import java.util.Map;

/**
 * Argo CD's automated-sync decision, pure: sync an OutOfSync app when its target revision was not
 * attempted yet, or (with selfHeal) when the attempt succeeded and live drifted since; never retry
 * a failed attempt of the same revision (the operation's retry policy does that, with backoff);
 * never wipe all resources without allowEmpty; never sync only to prune without prune. A rollback
 * with keepAutoSync holds it while the target is still the revision it rolled back from ({@link
 * RollbackPin}).
 */
public final class AutoSyncPolicy {

  /** Whether to sync, and why (or why not). */
  public record Decision(boolean sync, String reason) {}

  private AutoSyncPolicy() {}

  public static Decision decide(Application app, Comparison comparison, String revision) {
    var policy = app.getSpec().getSyncPolicy();
    SyncPolicyAutomated automated = policy == null ? null : policy.getAutomated();
    if (automated == null || Boolean.FALSE.equals(automated.getEnabled())) {
      return no("automated sync is off");
    }
    OperationState last = app.getStatus() == null ? null : app.getStatus().getOperationState();
    if (last != null && "Running".equals(last.getPhase())) {
      return no("an operation is running");
    }
    if (RollbackPin.holds(app, revision)) {
      return no(
          "rolled back to "
              + RollbackPin.of(app).orElseThrow().revision()
              + " with keepAutoSync; automated sync resumes with the next commit after "
              + revision);
    }
    if (comparison.syncStatus() == SyncStatusCode.SYNCED) {
      return no("already Synced");
    }
    if (comparison.desired().isEmpty() && !Boolean.TRUE.equals(automated.getAllowEmpty())) {
      return no("auto-sync would delete every resource; set syncPolicy.automated.allowEmpty");
    }
    boolean onlyPrune =
        comparison.diffs().stream()
            .filter(d -> d.status() == SyncStatusCode.OUT_OF_SYNC)
            .allMatch(d -> d.requiresPruning());
    if (onlyPrune && !Boolean.TRUE.equals(automated.getPrune())) {
      return no("only extra resources to prune and syncPolicy.automated.prune is off");
    }
    String attempted = attemptedRevision(last);
    if (attempted != null && attempted.equals(revision)) {
      if (!"Succeeded".equals(last.getPhase())) {
        return no(
            "the last sync of revision "
                + revision
                + " ended "
                + last.getPhase()
                + "; waiting for a new revision or a manual sync");
      }
      if (!Boolean.TRUE.equals(automated.getSelfHeal())) {
        return no("revision " + revision + " was synced already and selfHeal is off");
      }
      return new Decision(true, "self-heal: live state drifted from revision " + revision);
    }
    return new Decision(true, "new revision " + revision);
  }

  /** The revision the last operation synced (its result's), or requested when it has no result. */
  static String attemptedRevision(OperationState last) {
    if (last == null) {
      return null;
    }
    Map<String, Object> result = last.getSyncResult();
    if (result != null && result.get("revision") instanceof String r && !r.isEmpty()) {
      return r;
    }
    if (last.getOperation() != null && last.getOperation().getSync() != null) {
      return last.getOperation().getSync().getRevision();
    }
    return null;
  }

  private static Decision no(String reason) {
    return new Decision(false, reason);
  }
}
