package io.quargo.appcontroller.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.cluster.UnknownClusterException;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationCondition;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the controller enforces projects: the violations of an app (a missing project is one), the
 * conditions they become on the app, and the refusal of a sync the rules or a sync window forbid.
 */
@ApplicationScoped
public class ProjectGate {

  private static final String NOT_PERMITTED = " is not permitted in project '";

  private final ProjectRepository projects;
  private final ClusterClients clusters;

  public ProjectGate(ProjectRepository projects, ClusterClients clusters) {
    this.projects = projects;
    this.clusters = clusters;
  }

  /** The app's violations; {@code desired} null checks only the spec. */
  public List<Violation> violations(Application app, List<ObjectNode> desired) {
    Optional<AppProject> project = project(app);
    if (project.isEmpty()) {
      return List.of(
          new Violation(
              Violation.INVALID_SPEC,
              "project",
              "spec.project",
              "Application referencing project "
                  + projectName(app)
                  + " which does not exist; create it or move the app to another project"));
    }
    ClusterObjects cluster;
    try {
      cluster = clusters.forApp(app).objects();
    } catch (UnknownClusterException e) {
      List<Violation> result =
          new ArrayList<>(ProjectRules.check(project.get(), app, null, o -> false));
      result.add(
          new Violation(Violation.INVALID_SPEC, "destination", "spec.destination", e.getMessage()));
      return result;
    }
    return ProjectRules.check(project.get(), app, desired, o -> clusterScoped(cluster, o));
  }

  /** The object's scope as the cluster's discovery says, else core Kubernetes' list. */
  private static boolean clusterScoped(ClusterObjects cluster, ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    try {
      Optional<ApiKind> served = cluster.catalog().find(apiVersion, kind);
      if (served.isPresent()) {
        return !served.get().namespaced();
      }
    } catch (KubernetesClientException e) {
      // discovery unavailable: fall back to the built-in list
    }
    return ProjectRules.builtInClusterScoped(ProjectRules.group(object), kind);
  }

  /**
   * Throws 409 naming the rule or window when a sync of the app may not run now: its spec breaks a
   * rule, its last reconcile found a forbidden resource, or a sync window blocks it.
   */
  public void requireSyncAllowed(Application app, boolean automated, Instant now) {
    List<Violation> spec = violations(app, null);
    if (!spec.isEmpty()) {
      throw ProblemException.conflict("sync refused: " + spec.get(0).message());
    }
    if (app.getStatus() != null && app.getStatus().getConditions() != null) {
      for (ApplicationCondition c : app.getStatus().getConditions()) {
        if (isProjectCondition(c)) {
          throw ProblemException.conflict(
              "sync refused: " + c.getMessage() + "; change the app or the project first");
        }
      }
    }
    String reason = windowBlock(app, automated, now);
    if (reason != null) {
      throw ProblemException.conflict(
          "sync refused: "
              + reason
              + " in project '"
              + projectName(app)
              + "'"
              + (automated ? "" : "; wait for the window to end or set manualSync on it"));
    }
  }

  /** Why a sync window blocks this kind of sync now, or null when none does. */
  public String windowBlock(Application app, boolean automated, Instant now) {
    Optional<AppProject> project = project(app);
    if (project.isEmpty()) {
      return null;
    }
    try {
      SyncWindows.Verdict verdict = SyncWindows.activeAt(project.get(), app, now);
      return verdict.allows(!automated) ? null : verdict.reason();
    } catch (IllegalArgumentException e) {
      return "an invalid sync window blocks syncs (" + e.getMessage() + "); fix the project";
    }
  }

  /**
   * Replaces the app's project conditions (InvalidSpecError, and ComparisonErrors naming a project
   * rule) with {@code violations}, keeping the transition time of those that stay.
   */
  public static List<ApplicationCondition> withViolations(
      List<ApplicationCondition> conditions, List<Violation> violations, String now) {
    List<ApplicationCondition> previous = conditions == null ? List.of() : conditions;
    List<ApplicationCondition> kept = new ArrayList<>();
    for (ApplicationCondition c : previous) {
      if (!isProjectCondition(c)) {
        kept.add(c);
      }
    }
    for (Violation v : violations) {
      ApplicationCondition c = new ApplicationCondition();
      c.setType(v.conditionType());
      c.setMessage(v.message());
      c.setLastTransitionTime(
          previous.stream()
              .filter(
                  p -> v.conditionType().equals(p.getType()) && v.message().equals(p.getMessage()))
              .map(ApplicationCondition::getLastTransitionTime)
              .findFirst()
              .orElse(now));
      kept.add(c);
    }
    return kept.isEmpty() ? null : kept;
  }

  private static boolean isProjectCondition(ApplicationCondition c) {
    return Violation.INVALID_SPEC.equals(c.getType())
        || (Violation.COMPARISON.equals(c.getType())
            && c.getMessage() != null
            && c.getMessage().contains(NOT_PERMITTED));
  }

  private Optional<AppProject> project(Application app) {
    return projects.find(projectName(app));
  }

  private static String projectName(Application app) {
    String name = app.getSpec() == null ? null : app.getSpec().getProject();
    return name == null || name.isBlank() ? ProjectRepository.DEFAULT_PROJECT : name;
  }
}
