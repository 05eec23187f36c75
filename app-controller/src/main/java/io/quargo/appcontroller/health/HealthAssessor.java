package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Assesses one live object: Missing when absent, Progressing while pending deletion, else the check
 * registered for its group and kind, and Healthy for kinds without a check (as Argo).
 */
public final class HealthAssessor {

  static final String HOOK_FINALIZER = "argocd.argoproj.io/hook-finalizer";

  private final Map<GroupKind, HealthCheck> checks;

  /** An assessor with {@code checks}, e.g. {@link HealthChecks#builtIn()} plus custom entries. */
  public HealthAssessor(Map<GroupKind, HealthCheck> checks) {
    this.checks = Map.copyOf(checks);
  }

  /** An assessor with the built-in checks only. */
  public static HealthAssessor standard() {
    return new HealthAssessor(HealthChecks.builtIn());
  }

  /** The health of {@code live}; null means the object is not in the cluster (Missing). */
  public HealthStatus assess(ObjectNode live) {
    if (live == null) {
      return HealthStatus.missing("");
    }
    if (!Fields.text(live, "metadata", "deletionTimestamp").isEmpty() && !hasHookFinalizer(live)) {
      return HealthStatus.progressing("Pending deletion");
    }
    HealthCheck check = checks.get(GroupKind.of(live));
    if (check == null) {
      return HealthStatus.healthy("");
    }
    try {
      return check.check(live);
    } catch (RuntimeException e) {
      return HealthStatus.unknown(
          "cannot assess the health of %s %s: %s; fix the object's status or its custom check"
              .formatted(
                  GroupKind.of(live), Fields.text(live, "metadata", "name"), e.getMessage()));
    }
  }

  private static boolean hasHookFinalizer(JsonNode live) {
    for (JsonNode finalizer : Fields.at(live, "metadata", "finalizers")) {
      if (HOOK_FINALIZER.equals(finalizer.asText())) {
        return true;
      }
    }
    return false;
  }
}
