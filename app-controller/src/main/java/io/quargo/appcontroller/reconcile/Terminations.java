package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.messaging.AppEventPublisher;
import io.quargo.appcontroller.sync.Termination;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.OperationState;
import io.quargo.common.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Argo CD's terminate-operation: {@link #request} marks the app's running operation {@code
 * Terminating} in the database (whichever replica the API call reached), and the replica running
 * the sync sees it, here or on its next {@link #poll}, and raises the sync's {@link Termination}
 * flag; the sync stops between steps and ends Failed with "Operation terminated".
 */
@ApplicationScoped
public class Terminations {

  /** Argo's operation phase while a terminate is pending. */
  public static final String TERMINATING = "Terminating";

  private static final Logger LOG = Logger.getLogger(Terminations.class);

  private final ApplicationRepository apps;
  private final AppEventPublisher events;
  private final Map<AppKey, Termination> running = new ConcurrentHashMap<>();

  public Terminations(ApplicationRepository apps, AppEventPublisher events) {
    this.apps = apps;
    this.events = events;
  }

  /** The flag for the operation of {@code key} running on this replica (one for all attempts). */
  public Termination of(AppKey key) {
    return running.computeIfAbsent(key, k -> new Termination());
  }

  /** The operation of {@code key} on this replica ended. */
  public void end(AppKey key) {
    running.remove(key);
  }

  /**
   * Marks the app's running operation Terminating and stops it if it runs here; 409 when no
   * operation runs (as Argo CD: "Unable to terminate operation. No operation is in progress").
   */
  public Application request(AppKey key) {
    Application[] before = new Application[1];
    Application after =
        apps.mutate(
            key.namespace(),
            key.name(),
            app -> {
              before[0] = Apps.copy(app);
              OperationState state = Apps.status(app).getOperationState();
              if (state == null
                  || !("Running".equals(state.getPhase())
                      || TERMINATING.equals(state.getPhase()))) {
                throw ProblemException.conflict(
                    "Unable to terminate operation of " + key + ". No operation is in progress");
              }
              state.setPhase(TERMINATING);
              state.setMessage("terminating: the sync stops after its current step");
            });
    flag(key);
    events.publishIfChanged(before[0], after, "operation terminating");
    return after;
  }

  /** Whether the operation of {@code key} is being terminated (its phase stays Terminating). */
  public boolean requested(AppKey key) {
    Termination termination = running.get(key);
    return termination != null && termination.requested();
  }

  /** Picks up terminate requests that reached another replica's API. */
  @Scheduled(every = "${quargo.reconcile.termination-check:1s}")
  void poll() {
    for (AppKey key : running.keySet()) {
      try {
        apps.find(key.namespace(), key.name())
            .map(a -> a.getStatus() == null ? null : a.getStatus().getOperationState())
            .filter(s -> TERMINATING.equals(s.getPhase()))
            .ifPresent(s -> flag(key));
      } catch (RuntimeException e) {
        LOG.debugf("cannot check %s for a terminate request: %s", key, e.getMessage());
      }
    }
  }

  private void flag(AppKey key) {
    Termination termination = running.get(key);
    if (termination != null && !termination.requested()) {
      LOG.infof("terminating the operation of %s", key);
      termination.terminate();
    }
  }
}
