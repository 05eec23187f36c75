package io.quargo.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.k8s.LabelSelector;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.rbac.Rbac;
import java.util.List;
import java.util.Set;

/**
 * Which applications a watch wants, from Argo CD's watch query: {@code name}, {@code projects}
 * (repeatable, {@code project} too), {@code selector} (a label selector) and {@code appNamespace}.
 */
record WatchFilter(String name, Set<String> projects, LabelSelector selector, String appNamespace) {

  /** From the query parameters; a malformed selector is a 400 naming it. */
  static WatchFilter of(String name, List<String> projects, String selector, String appNamespace) {
    LabelSelector parsed;
    try {
      parsed = LabelSelector.parse(selector);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("selector", e.getMessage());
    }
    return new WatchFilter(
        blankToNull(name),
        projects.stream().filter(p -> !p.isBlank()).collect(java.util.stream.Collectors.toSet()),
        parsed,
        blankToNull(appNamespace));
  }

  /** Whether {@code app} (Argo JSON) is one this watch wants, RBAC aside. */
  boolean matches(JsonNode app) {
    JsonNode metadata = app.path("metadata");
    if (name != null && !name.equals(metadata.path("name").asText())) {
      return false;
    }
    if (appNamespace != null
        && !appNamespace.equals(metadata.path("namespace").asText(Rbac.DEFAULT_APP_NAMESPACE))) {
      return false;
    }
    if (!projects.isEmpty()
        && !projects.contains(app.path("spec").path("project").asText("default"))) {
      return false;
    }
    return selector.matchesJson(metadata.path("labels"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
