package io.quargo.appcontroller.messaging;

import io.quargo.common.events.AppStatusChanged;
import io.quargo.common.events.CloudEvents;
import io.quargo.common.json.Json;
import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.model.SyncStatusCode;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationStatus;
import io.quargo.common.model.application.Info;
import io.quargo.common.model.application.OperationState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Publishes {@link AppStatusChanged} on {@code quargo.app.events} when an app's sync status, health
 * or operation phase changed.
 */
@ApplicationScoped
public class AppEventPublisher {

  /** The outgoing channel (topic {@code quargo.app.events}). */
  public static final String CHANNEL = "app-events";

  /** The operation id is kept in {@code operation.info} under this name. */
  public static final String OPERATION_ID = "operationId";

  private static final Logger LOG = Logger.getLogger(AppEventPublisher.class);
  private static final String SERVICE = "app-controller";

  private final Emitter<AppStatusChanged> emitter;

  public AppEventPublisher(@Channel(CHANNEL) Emitter<AppStatusChanged> emitter) {
    this.emitter = emitter;
  }

  /** Publishes when {@code after} differs from {@code before} (null: never seen) as said above. */
  public void publishIfChanged(Application before, Application after, String message) {
    if (before != null
        && Objects.equals(sync(before), sync(after))
        && Objects.equals(health(before), health(after))
        && Objects.equals(phase(before), phase(after))
        && Objects.equals(operationId(before), operationId(after))) {
      return;
    }
    publish(after, message);
  }

  /** Publishes the app's current sync status, health and operation phase. */
  public void publish(Application app, String message) {
    ApplicationStatus status = app.getStatus();
    AppStatusChanged event =
        new AppStatusChanged(
            app.getMetadata().getNamespace(),
            app.getMetadata().getName(),
            parse(sync(app), SyncStatusCode.class),
            parse(health(app), HealthStatusCode.class),
            parse(phase(app), OperationPhase.class),
            operationId(app),
            status == null || status.getSync() == null ? null : status.getSync().getRevision(),
            message,
            Instant.now());
    try {
      emitter.send(CloudEvents.message(event, SERVICE));
    } catch (RuntimeException e) {
      LOG.warnf("could not publish the status of %s: %s", event.key(), e.getMessage());
    }
  }

  /** The operation id recorded in {@code operationState.operation.info}, or null. */
  public static String operationId(Application app) {
    OperationState state = app.getStatus() == null ? null : app.getStatus().getOperationState();
    if (state == null || state.getOperation() == null || state.getOperation().getInfo() == null) {
      return null;
    }
    return state.getOperation().getInfo().stream()
        .filter(i -> OPERATION_ID.equals(i.getName()))
        .map(Info::getValue)
        .findFirst()
        .orElse(null);
  }

  private static String sync(Application app) {
    ApplicationStatus s = app.getStatus();
    return s == null || s.getSync() == null ? null : s.getSync().getStatus();
  }

  private static String health(Application app) {
    ApplicationStatus s = app.getStatus();
    return s == null || s.getHealth() == null ? null : s.getHealth().getStatus();
  }

  private static String phase(Application app) {
    ApplicationStatus s = app.getStatus();
    return s == null || s.getOperationState() == null ? null : s.getOperationState().getPhase();
  }

  private static <E extends Enum<E>> E parse(String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    try {
      return Json.mapper().convertValue(value, type);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
