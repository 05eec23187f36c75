package io.quargo.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A request to rollouts-controller about one Rollout, on {@link Topics#ROLLOUT_COMMANDS}.
 *
 * <p>The actions share one small payload, so this is one record with an {@link Action} (unlike
 * {@link AppCommand}, whose variants differ). Fields an action does not use are null.
 *
 * @param full for {@code promote}: skip all remaining steps and analysis ({@code --full})
 * @param container for {@code setImage}: the container to change
 * @param image for {@code setImage}: the new image
 */
public record RolloutCommand(
    String namespace,
    String name,
    Action action,
    Boolean full,
    String container,
    String image,
    String operationId,
    String requestedBy,
    Instant requestedAt)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.rollout.command-requested.v1";

  /** What to do, as the {@code kubectl argo rollouts} sub-commands. */
  public enum Action {
    @JsonProperty("promote")
    PROMOTE,
    @JsonProperty("abort")
    ABORT,
    @JsonProperty("retry")
    RETRY,
    @JsonProperty("restart")
    RESTART,
    @JsonProperty("setImage")
    SET_IMAGE
  }

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return QuargoEvent.key(namespace, name);
  }
}
