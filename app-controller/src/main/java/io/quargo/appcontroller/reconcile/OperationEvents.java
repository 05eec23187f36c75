package io.quargo.appcontroller.reconcile;

import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationSource;
import io.quargo.common.model.application.ApplicationStatus;
import io.quargo.common.model.application.OperationState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The Events Argo CD records on an Application about its operations and status, with Argo's reasons
 * and messages: {@code OperationStarted} when a sync starts, {@code OperationCompleted} when it
 * ends (Warning when it failed), {@code ResourceUpdated} when the sync or health status changes. A
 * user's sync is told by the API server, the rest by the application controller, as in Argo.
 */
@ApplicationScoped
public class OperationEvents {

  static final String STARTED = "OperationStarted";
  static final String COMPLETED = "OperationCompleted";
  static final String UPDATED = "ResourceUpdated";

  private final AppEventRecorder recorder;

  public OperationEvents(AppEventRecorder recorder) {
    this.recorder = recorder;
  }

  /**
   * {@code Initiated automated sync to '<sha>'}, {@code <user> initiated [partial ]sync to
   * <revision>} (the revision asked, else the app's target revision), or {@code <user> initiated
   * rollback to <history id>}.
   */
  void started(Application app, SyncSpec spec) {
    if (spec.automated()) {
      recorder.record(
          app,
          "Normal",
          STARTED,
          "Initiated automated sync to '" + spec.revision() + "'",
          AppEventRecorder.CONTROLLER);
      return;
    }
    String user =
        spec.initiatedBy() == null || spec.initiatedBy().isBlank()
            ? "Unknown user"
            : spec.initiatedBy();
    String revision =
        spec.revision() != null && !spec.revision().isBlank()
            ? spec.revision()
            : targetRevisions(app);
    String partial = spec.resources().isEmpty() ? "" : "partial ";
    String action =
        spec.rollbackTo() != null
            ? "rollback to " + spec.rollbackTo()
            : partial + "sync to " + revision;
    recorder.record(app, "Normal", STARTED, user + " initiated " + action, AppEventRecorder.SERVER);
  }

  /**
   * {@code [Partial s|S]ync operation to <sha> succeeded}, or {@code ... failed: <message>} as a
   * Warning, from the app's ended {@code operationState}.
   */
  void completed(Application app) {
    OperationState state = app.getStatus() == null ? null : app.getStatus().getOperationState();
    if (state == null) {
      return;
    }
    var sync = state.getOperation() == null ? null : state.getOperation().getSync();
    boolean partial = sync != null && sync.getResources() != null && !sync.getResources().isEmpty();
    StringBuilder message =
        new StringBuilder(partial ? "Partial sync operation" : "Sync operation");
    Object revision = state.getSyncResult() == null ? null : state.getSyncResult().get("revision");
    if (revision != null) {
      message.append(" to ").append(revision);
    }
    boolean succeeded = "Succeeded".equals(state.getPhase());
    if (succeeded) {
      message.append(" succeeded");
    } else {
      message.append(" failed: ").append(Objects.toString(state.getMessage(), ""));
    }
    recorder.record(
        app,
        succeeded ? "Normal" : "Warning",
        COMPLETED,
        message.toString(),
        AppEventRecorder.CONTROLLER);
  }

  /**
   * {@code Updated sync status: A -> B} and {@code Updated health status: A -> B}, as they moved.
   */
  void statusChanged(Application before, Application after) {
    updated(after, "sync", syncStatus(before), syncStatus(after));
    updated(after, "health", health(before), health(after));
  }

  private void updated(Application app, String what, String from, String to) {
    if (!from.equals(to)) {
      recorder.record(
          app,
          "Normal",
          UPDATED,
          "Updated " + what + " status: " + from + " -> " + to,
          AppEventRecorder.CONTROLLER);
    }
  }

  private static String syncStatus(Application app) {
    ApplicationStatus status = app == null ? null : app.getStatus();
    return status == null || status.getSync() == null
        ? ""
        : Objects.toString(status.getSync().getStatus(), "");
  }

  private static String health(Application app) {
    ApplicationStatus status = app == null ? null : app.getStatus();
    return status == null || status.getHealth() == null
        ? ""
        : Objects.toString(status.getHealth().getStatus(), "");
  }

  /** The target revision of each rendered source, joined as Argo shows a multi-source app's. */
  private static String targetRevisions(Application app) {
    List<ApplicationSource> sources = Apps.renderedSources(app);
    return sources.stream()
        .map(s -> s.getTargetRevision() == null ? "" : s.getTargetRevision())
        .collect(Collectors.joining(", "));
  }
}
