package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Deployment's {@code restart}, {@code pause}, {@code resume} and {@code scale}: pause and resume
 * set {@code spec.paused}, and each is disabled while the Deployment already is in the state it
 * leads to; scale sets {@code spec.replicas} to its {@code replicas} parameter.
 */
final class DeploymentActions implements KindActions {

  private static final String PAUSE = "pause";
  private static final String RESUME = "resume";

  @Override
  public List<ResourceAction> available(ObjectNode live) {
    boolean paused = live.path("spec").path("paused").asBoolean(false);
    return List.of(
        ResourceAction.enabled(RestartAction.NAME, "fa fa-fw fa-redo"),
        new ResourceAction(PAUSE, paused, "fa fa-fw fa-pause-circle"),
        new ResourceAction(RESUME, !paused, "fa fa-fw fa-play-circle"),
        ScaleAction.listing(live));
  }

  @Override
  public Optional<ActionChange> run(
      String action, ObjectNode live, Instant now, Map<String, String> params) {
    return switch (action) {
      case RestartAction.NAME -> Optional.of(RestartAction.restart(now));
      case PAUSE -> Optional.of(paused(true));
      case RESUME -> Optional.of(paused(false));
      case ScaleAction.NAME -> Optional.of(ScaleAction.scale(params));
      default -> Optional.empty();
    };
  }

  private static ActionChange paused(boolean paused) {
    ObjectNode patch = Json.mapper().createObjectNode();
    patch.putObject("spec").put("paused", paused);
    return new ActionChange.Patch(patch);
  }
}
