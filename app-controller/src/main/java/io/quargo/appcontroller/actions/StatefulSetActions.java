package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A StatefulSet's {@code restart} and {@code scale}, as Argo CD's StatefulSet actions. */
final class StatefulSetActions implements KindActions {

  @Override
  public List<ResourceAction> available(ObjectNode live) {
    return List.of(
        ResourceAction.enabled(RestartAction.NAME, "fa fa-fw fa-redo"), ScaleAction.listing(live));
  }

  @Override
  public Optional<ActionChange> run(
      String action, ObjectNode live, Instant now, Map<String, String> params) {
    return switch (action) {
      case RestartAction.NAME -> Optional.of(RestartAction.restart(now));
      case ScaleAction.NAME -> Optional.of(ScaleAction.scale(params));
      default -> Optional.empty();
    };
  }
}
