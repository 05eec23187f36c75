package io.quargo.common.events;

import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.model.SyncStatusCode;
import java.time.Instant;

/**
 * An Application's sync status, health or operation phase changed, on {@link Topics#APP_EVENTS}.
 *
 * @param operationPhase phase of the current or last operation, null when none ran
 * @param operationId the operation the phase belongs to, null when none ran
 * @param revision the revision the sync status was compared with
 * @param message a line a person can read, e.g. the operation's message
 */
public record AppStatusChanged(
    String namespace,
    String name,
    SyncStatusCode syncStatus,
    HealthStatusCode healthStatus,
    OperationPhase operationPhase,
    String operationId,
    String revision,
    String message,
    Instant at)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.app.status-changed.v1";

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return QuargoEvent.key(namespace, name);
  }
}
