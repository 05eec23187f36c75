package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in resource actions by group and kind (Argo CD's {@code resource_customizations} that
 * Quargo implements in Java): what a live object offers, and the change an action makes.
 */
@ApplicationScoped
public class ActionRegistry {

  private static final Map<String, KindActions> BY_GROUP_KIND =
      Map.of(
          "apps/Deployment", new DeploymentActions(),
          "apps/StatefulSet", new StatefulSetActions(),
          "apps/DaemonSet", new RestartAction(),
          "batch/CronJob", new CronJobActions());

  /** The actions {@code live} (of {@code group}/{@code kind}) offers; empty for other kinds. */
  public List<ResourceAction> available(String group, String kind, ObjectNode live) {
    KindActions actions = BY_GROUP_KIND.get(group + "/" + kind);
    return actions == null ? List.of() : actions.available(live);
  }

  /**
   * The change {@code action} makes to {@code live} at {@code now} with {@code params} (Argo's
   * {@code resourceActionParameters} by name); a 400 problem naming the action and the available
   * ones when the kind has no such action, or naming the parameter that is missing or invalid.
   */
  public ActionChange change(
      String group,
      String kind,
      String action,
      ObjectNode live,
      Instant now,
      Map<String, String> params) {
    KindActions actions = BY_GROUP_KIND.get(group + "/" + kind);
    Optional<ActionChange> change =
        actions == null ? Optional.empty() : actions.run(action, live, now, params);
    return change.orElseThrow(() -> unknown(group, kind, action, live));
  }

  private ProblemException unknown(String group, String kind, String action, ObjectNode live) {
    String offered =
        available(group, kind, live).stream()
            .map(ResourceAction::name)
            .collect(Collectors.joining(", "));
    String what = (group.isEmpty() ? "" : group + "/") + kind;
    return ProblemException.invalid(
        "action",
        "\""
            + action
            + "\" is not an action of "
            + what
            + (offered.isEmpty() ? "; it has no actions" : "; available: " + offered));
  }
}
