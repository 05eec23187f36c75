package io.quargo.common.events;

import io.quargo.common.model.RolloutPhase;
import java.time.Instant;

/**
 * A Rollout's phase or step changed, on {@link Topics#ROLLOUT_EVENTS}.
 *
 * @param currentStepIndex the canary step now running ({@code status.currentStepIndex}), null for
 *     blue-green
 * @param stepCount the number of canary steps, null for blue-green
 * @param canaryWeight traffic percentage on the canary, null when not applicable
 * @param stableRevision pod template hash of the stable ReplicaSet
 * @param currentRevision pod template hash of the newest ReplicaSet
 * @param message why, e.g. {@code CanaryPauseStep} or an abort reason
 */
public record RolloutStatusChanged(
    String namespace,
    String name,
    RolloutPhase phase,
    Integer currentStepIndex,
    Integer stepCount,
    Integer canaryWeight,
    String stableRevision,
    String currentRevision,
    boolean aborted,
    String message,
    Instant at)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.rollout.status-changed.v1";

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return QuargoEvent.key(namespace, name);
  }
}
