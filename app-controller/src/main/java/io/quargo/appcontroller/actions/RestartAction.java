package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code restart} of a workload (DaemonSet; StatefulSet adds scale, Deployment pause, resume and
 * scale): as {@code kubectl rollout restart}, it stamps the pod template with {@code
 * kubectl.kubernetes.io/restartedAt}, so the controller rolls every pod.
 */
final class RestartAction implements KindActions {

  static final String NAME = "restart";
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  @Override
  public List<ResourceAction> available(ObjectNode live) {
    return List.of(ResourceAction.enabled(NAME, "fa fa-fw fa-redo"));
  }

  @Override
  public Optional<ActionChange> run(
      String action, ObjectNode live, Instant now, Map<String, String> params) {
    return NAME.equals(action) ? Optional.of(restart(now)) : Optional.empty();
  }

  /** The merge patch setting the template's restartedAt to {@code now} (RFC 3339, seconds). */
  static ActionChange restart(Instant now) {
    ObjectNode patch = Json.mapper().createObjectNode();
    patch
        .putObject("spec")
        .putObject("template")
        .putObject("metadata")
        .putObject("annotations")
        .put(RESTARTED_AT, now.truncatedTo(ChronoUnit.SECONDS).toString());
    return new ActionChange.Patch(patch);
  }
}
