package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.sync.SyncResult;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.OperationState;
import io.quargo.common.model.application.RevisionHistory;
import java.util.ArrayList;
import java.util.List;

/** Appends a successful sync to {@code status.history[]}, keeping revisionHistoryLimit entries. */
final class History {

  /** Argo CD keeps 10 entries unless {@code spec.revisionHistoryLimit} says otherwise. */
  static final long DEFAULT_LIMIT = 10;

  private History() {}

  static void append(Application app, SyncResult result, OperationState state, boolean automated) {
    List<RevisionHistory> history =
        new ArrayList<>(
            Apps.status(app).getHistory() == null ? List.of() : Apps.status(app).getHistory());
    long nextId =
        history.stream().mapToLong(h -> h.getId() == null ? 0 : h.getId()).max().orElse(-1) + 1;
    RevisionHistory entry = new RevisionHistory();
    entry.setId(nextId);
    entry.setRevision(result.revision());
    entry.setDeployedAt(Apps.now());
    entry.setDeployStartedAt(state.getStartedAt());
    if (Apps.multiSource(app)) {
      entry.setSources(app.getSpec().getSources());
    } else {
      entry.setSource(app.getSpec().getSource());
    }
    if (state.getOperation() != null) {
      entry.setInitiatedBy(state.getOperation().getInitiatedBy());
    }
    history.add(entry);
    Long configured = app.getSpec().getRevisionHistoryLimit();
    long limit = configured == null ? DEFAULT_LIMIT : Math.max(0, configured);
    while (history.size() > limit) {
      history.remove(0);
    }
    Apps.status(app).setHistory(history);
  }
}
