package io.quargo.gateway.rbac;

import io.quargo.common.json.Json;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.client.AppControllerClient;
import io.quargo.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces RBAC for a caller: the configured policy (built-in roles, {@code policy-csv}, the
 * default role) plus, for objects of a project, that project's role policies. A project-role token
 * is honoured only while its id is in the role's {@code jwtTokens} and only for its own project.
 */
@ApplicationScoped
public class Rbac {

  private final PolicyEngine global;
  private final AppControllerClient appController;
  private final Map<String, PolicyEngine> withProjectPolicies = new ConcurrentHashMap<>();

  /** How many project policy variants are kept built before all are forgotten. */
  private static final int MAX_ENGINES = 1_000;

  public Rbac(GatewayConfig config, AppControllerClient appController) {
    this.global =
        PolicyEngine.of(
            config.rbac().policyCsv().orElse(""), config.rbac().defaultRole().orElse(""));
    this.appController = appController;
  }

  /** The configured policy plus the role policies of {@code project}, built once per variant. */
  private PolicyEngine withProject(AppProject project) {
    String csv = ProjectPolicies.csv(project);
    if (csv.isEmpty()) {
      return global;
    }
    PolicyEngine engine = withProjectPolicies.get(csv);
    if (engine == null) {
      if (withProjectPolicies.size() >= MAX_ENGINES) {
        withProjectPolicies.clear();
      }
      engine = withProjectPolicies.computeIfAbsent(csv, global::with);
    }
    return engine;
  }

  /** Decisions for one caller, fetching each project it needs once (use one per request). */
  public Decider forCaller(Caller caller) {
    return new Decider(caller);
  }

  /** RBAC decisions for one caller. */
  public final class Decider {
    private final Caller caller;
    private final Map<String, Optional<AppProject>> projects = new HashMap<>();

    Decider(Caller caller) {
      this.caller = caller;
    }

    /** Whether the caller may do {@code action} on {@code resource} {@code object}. */
    public boolean can(String resource, String action, String object) {
      String project = projectOf(resource, object);
      Optional<Caller.ProjectRoleRef> tokenRole = caller.projectRole();
      if (tokenRole.isPresent()) {
        Caller.ProjectRoleRef ref = tokenRole.get();
        if (!ref.project().equals(project)) {
          return false;
        }
        Optional<AppProject> p = project(project);
        if (p.isEmpty()
            || !ProjectPolicies.hasToken(
                p.get(), ref.role(), caller.tokenId(), caller.issuedAt())) {
          return false;
        }
        return withProject(p.get())
            .enforce(caller.subject(), caller.groups(), resource, action, object);
      }
      PolicyEngine engine = global;
      if (project != null && !caller.groups().isEmpty()) {
        engine = project(project).map(Rbac.this::withProject).orElse(global);
      }
      return engine.enforce(caller.subject(), caller.groups(), resource, action, object);
    }

    /**
     * Whether the caller may do {@code action} on every application, so a list needs no check per
     * app. False when unsure: project-role tokens and callers with groups (whom project roles may
     * grant or deny more) are checked app by app.
     */
    public boolean canEveryApplication(String action) {
      return caller.projectRole().isEmpty()
          && caller.groups().isEmpty()
          && global.allowsEveryObject(caller.subject(), List.of(), "applications", action);
    }

    /** 403 naming the permission unless the caller has it. */
    public void require(String resource, String action, String object) {
      if (!can(resource, action, object)) {
        throw new ProblemException(
            403,
            "permission denied: "
                + resource
                + ", "
                + action
                + ", "
                + object
                + " (subject "
                + caller.subject()
                + "); ask an admin for a role that grants it");
      }
    }

    private Optional<AppProject> project(String name) {
      return projects.computeIfAbsent(
          name,
          n ->
              appController
                  .findProject(n)
                  .map(json -> Json.mapper().convertValue(json, AppProject.class)));
    }
  }

  /**
   * The project an RBAC object belongs to, or null: {@code <project>/...} or the project itself.
   */
  static String projectOf(String resource, String object) {
    return switch (resource) {
      case "projects" -> object;
      case "applications", "applicationsets", "logs", "exec" -> {
        int slash = object.indexOf('/');
        yield slash > 0 ? object.substring(0, slash) : null;
      }
      case "repositories", "clusters" -> scopedProject(object);
      default -> null;
    };
  }

  /**
   * The RBAC object of a repository or cluster, as Argo CD: {@code <project>/<url>} when it belongs
   * to a project, else the URL.
   */
  public static String scopedObject(String project, String url) {
    return project == null || project.isBlank() ? url : project + "/" + url;
  }

  /** The project of a {@link #scopedObject}: the part before a '/' that is no URL's scheme. */
  static String scopedProject(String object) {
    int slash = object.indexOf('/');
    if (slash <= 0) {
      return null;
    }
    String head = object.substring(0, slash);
    return head.contains(":") || head.contains("*") ? null : head;
  }

  /** The RBAC object of an application: {@code <project>/<name>}, or with its namespace. */
  public static String applicationObject(String project, String namespace, String name) {
    return namespace == null || namespace.isBlank() || namespace.equals(DEFAULT_APP_NAMESPACE)
        ? project + "/" + name
        : project + "/" + namespace + "/" + name;
  }

  /** The namespace of Applications when none is given, as app-controller has it. */
  public static final String DEFAULT_APP_NAMESPACE = "argocd";
}
