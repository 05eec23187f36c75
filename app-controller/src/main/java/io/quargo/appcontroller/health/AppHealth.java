package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.model.HealthStatusCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An app's health: its worst resource in {@link HealthOrder}, as Argo CD's controller computes it.
 * Missing resources do not worsen it (OutOfSync already says so) unless no resource is live, and a
 * child Application that is Missing or Unknown does not affect its parent. The message names up to
 * three resources that cause the status.
 */
public final class AppHealth {

  static final String HOOK_ANNOTATION = "argocd.argoproj.io/hook";
  static final String HELM_HOOK_ANNOTATION = "helm.sh/hook";
  static final String IGNORE_ANNOTATION = "argocd.argoproj.io/ignore-healthcheck";
  private static final int CAUSES_SHOWN = 3;

  private AppHealth() {}

  /**
   * True when {@code live} does not count for its app's health: a hook, or annotated {@code
   * argocd.argoproj.io/ignore-healthcheck: "true"}. Callers leave such resources out of {@link
   * #aggregate}.
   */
  public static boolean excluded(JsonNode live) {
    if (live == null) {
      return false;
    }
    JsonNode annotations = Fields.at(live, "metadata", "annotations");
    String hook = annotations.path(HOOK_ANNOTATION).asText("");
    boolean argoHook = !hook.isEmpty() && !"Skip".equals(hook);
    return argoHook
        || annotations.has(HELM_HOOK_ANNOTATION)
        || "true".equals(annotations.path(IGNORE_ANNOTATION).asText());
  }

  /** The app's health from its resources' health; Healthy when there are none. */
  public static HealthStatus aggregate(Collection<ResourceHealth> resources) {
    HealthStatusCode worst = HealthStatusCode.HEALTHY;
    List<ResourceHealth> causes = new ArrayList<>();
    boolean anyLive = false;
    for (ResourceHealth resource : resources) {
      HealthStatusCode code = resource.health().status();
      if (code == HealthStatusCode.MISSING) {
        continue;
      }
      anyLive = true;
      if (isApplication(resource.groupKind()) && code == HealthStatusCode.UNKNOWN) {
        continue;
      }
      if (HealthOrder.isWorse(worst, code)) {
        worst = code;
        causes.clear();
        causes.add(resource);
      } else if (worst == code && code != HealthStatusCode.HEALTHY) {
        causes.add(resource);
      }
    }
    if (!resources.isEmpty() && !anyLive) {
      return HealthStatus.missing("");
    }
    return new HealthStatus(worst, describe(causes));
  }

  private static boolean isApplication(GroupKind groupKind) {
    return "argoproj.io".equals(groupKind.group()) && "Application".equals(groupKind.kind());
  }

  private static String describe(List<ResourceHealth> causes) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < causes.size() && i < CAUSES_SHOWN; i++) {
      names.add(causes.get(i).describe());
    }
    String summary = String.join(", ", names);
    int more = causes.size() - CAUSES_SHOWN;
    return more > 0 ? summary + " and " + more + " more" : summary;
  }
}
