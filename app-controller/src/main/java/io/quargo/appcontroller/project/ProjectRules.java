package io.quargo.appcontroller.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationDestination;
import io.quargo.common.model.application.ApplicationSource;
import io.quargo.common.model.application.ApplicationSpec;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.model.project.AppProjectSpec;
import io.quargo.common.model.project.GroupKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Argo CD's project rules as a pure function: which source repos, destinations and resource kinds
 * an app may use. Globs everywhere; an entry starting with {@code !} denies and wins over allows.
 * Cluster-scoped kinds are denied unless in {@code clusterResourceWhitelist}; namespaced kinds are
 * allowed unless in {@code namespaceResourceBlacklist} or missing from a non-empty {@code
 * namespaceResourceWhitelist}.
 */
public final class ProjectRules {

  /** The in-cluster destination's server URL. */
  public static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";

  /** Cluster-scoped kinds of core Kubernetes, used when the API catalog is not asked. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "/Namespace",
          "/Node",
          "/PersistentVolume",
          "/ComponentStatus",
          "rbac.authorization.k8s.io/ClusterRole",
          "rbac.authorization.k8s.io/ClusterRoleBinding",
          "apiextensions.k8s.io/CustomResourceDefinition",
          "storage.k8s.io/StorageClass",
          "storage.k8s.io/CSIDriver",
          "storage.k8s.io/CSINode",
          "storage.k8s.io/VolumeAttachment",
          "scheduling.k8s.io/PriorityClass",
          "apiregistration.k8s.io/APIService",
          "admissionregistration.k8s.io/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
          "networking.k8s.io/IngressClass",
          "node.k8s.io/RuntimeClass",
          "certificates.k8s.io/CertificateSigningRequest",
          "policy/PodSecurityPolicy");

  private ProjectRules() {}

  /** Whether the kind is cluster-scoped by core Kubernetes' list (CRDs' kinds count namespaced). */
  public static boolean builtInClusterScoped(String group, String kind) {
    return CLUSTER_SCOPED.contains(group + "/" + kind);
  }

  /** Every rule the app and its target objects break, with core Kubernetes' scopes. */
  public static List<Violation> check(
      AppProject project, Application app, List<ObjectNode> desired) {
    return check(
        project, app, desired, o -> builtInClusterScoped(group(o), o.path("kind").asText()));
  }

  /**
   * Every rule the app and its target objects break; {@code clusterScoped} tells an object's scope.
   */
  public static List<Violation> check(
      AppProject project,
      Application app,
      List<ObjectNode> desired,
      Predicate<ObjectNode> clusterScoped) {
    List<Violation> violations = new ArrayList<>(checkSpec(project, app));
    if (desired != null) {
      violations.addAll(checkResources(project, app, desired, clusterScoped));
    }
    return violations;
  }

  /** The rules the app's spec breaks (source repos and destination), as the API server checks. */
  public static List<Violation> checkSpec(AppProject project, Application app) {
    List<Violation> violations = new ArrayList<>();
    ApplicationSpec spec = app.getSpec();
    if (spec == null) {
      return violations;
    }
    String name = name(project);
    List<String> repos = spec(project).getSourceRepos();
    List<ApplicationSource> sources =
        spec.getSources() != null && !spec.getSources().isEmpty()
            ? spec.getSources()
            : spec.getSource() == null ? List.of() : List.of(spec.getSource());
    for (int i = 0; i < sources.size(); i++) {
      String url = sources.get(i).getRepoURL();
      if (!repoPermitted(repos, url)) {
        String field =
            spec.getSources() != null && !spec.getSources().isEmpty()
                ? "spec.sources[" + i + "].repoURL"
                : "spec.source.repoURL";
        violations.add(
            new Violation(
                Violation.INVALID_SPEC,
                "sourceRepos",
                field,
                "application repo "
                    + url
                    + " is not permitted in project '"
                    + name
                    + "' (sourceRepos: "
                    + (repos == null ? List.of() : repos)
                    + ")"));
      }
    }
    ApplicationDestination dest = spec.getDestination();
    if (dest != null && !destinationPermitted(project, dest, dest.getNamespace())) {
      violations.add(
          new Violation(
              Violation.INVALID_SPEC,
              "destinations",
              "spec.destination",
              "application destination {"
                  + server(dest)
                  + " "
                  + nullToEmpty(dest.getNamespace())
                  + "} is not permitted in project '"
                  + name
                  + "' (destinations: "
                  + describe(spec(project).getDestinations())
                  + ")"));
    }
    return violations;
  }

  /** Whether the repo URL is allowed by {@code sourceRepos} (a matching {@code !} entry denies). */
  public static boolean repoPermitted(List<String> sourceRepos, String url) {
    if (sourceRepos == null || url == null) {
      return false;
    }
    String normal = normalize(url);
    boolean allowed = false;
    for (String pattern : sourceRepos) {
      boolean hit =
          Glob.matches(Glob.positive(pattern), url)
              || Glob.matches(normalize(Glob.positive(pattern)), normal);
      if (hit && Glob.negated(pattern)) {
        return false;
      }
      allowed |= hit && !Glob.negated(pattern);
    }
    return allowed;
  }

  /** Whether the app's cluster with {@code namespace} matches the project's destinations. */
  public static boolean destinationPermitted(
      AppProject project, ApplicationDestination dest, String namespace) {
    List<ApplicationDestination> allowed = spec(project).getDestinations();
    if (allowed == null) {
      return false;
    }
    boolean permitted = false;
    for (ApplicationDestination entry : allowed) {
      boolean negated =
          Glob.negated(entry.getServer())
              || Glob.negated(entry.getName())
              || Glob.negated(entry.getNamespace());
      boolean hit =
          clusterMatches(entry, dest)
              && Glob.matches(Glob.positive(entry.getNamespace()), namespace);
      if (hit && negated) {
        return false;
      }
      permitted |= hit && !negated;
    }
    return permitted;
  }

  private static boolean clusterMatches(ApplicationDestination entry, ApplicationDestination dest) {
    String server = server(dest);
    if (entry.getServer() != null
        && !entry.getServer().isEmpty()
        && Glob.matches(Glob.positive(entry.getServer()), server)) {
      return true;
    }
    return dest.getName() != null
        && !dest.getName().isEmpty()
        && entry.getName() != null
        && Glob.matches(Glob.positive(entry.getName()), dest.getName());
  }

  private static List<Violation> checkResources(
      AppProject project,
      Application app,
      List<ObjectNode> desired,
      Predicate<ObjectNode> clusterScoped) {
    AppProjectSpec spec = spec(project);
    String name = name(project);
    Set<String> seen = new LinkedHashSet<>();
    List<Violation> violations = new ArrayList<>();
    ApplicationDestination dest = app.getSpec() == null ? null : app.getSpec().getDestination();
    for (ObjectNode object : desired) {
      String group = group(object);
      String kind = object.path("kind").asText();
      String groupKind = group + ":" + kind;
      String rule;
      if (clusterScoped.test(object)) {
        rule =
            !listed(spec.getClusterResourceWhitelist(), group, kind)
                ? "clusterResourceWhitelist"
                : listed(spec.getClusterResourceBlacklist(), group, kind)
                    ? "clusterResourceBlacklist"
                    : null;
      } else {
        List<GroupKind> white = spec.getNamespaceResourceWhitelist();
        rule =
            listed(spec.getNamespaceResourceBlacklist(), group, kind)
                ? "namespaceResourceBlacklist"
                : white != null && !white.isEmpty() && !listed(white, group, kind)
                    ? "namespaceResourceWhitelist"
                    : null;
        String namespace = object.path("metadata").path("namespace").asText("");
        if (rule == null
            && dest != null
            && !namespace.isEmpty()
            && !namespace.equals(nullToEmpty(dest.getNamespace()))
            && !destinationPermitted(project, dest, namespace)
            && seen.add("namespace " + namespace)) {
          violations.add(
              new Violation(
                  Violation.COMPARISON,
                  "destinations",
                  "metadata.namespace",
                  "namespace "
                      + namespace
                      + " of resource "
                      + groupKind
                      + " "
                      + object.path("metadata").path("name").asText()
                      + " is not permitted in project '"
                      + name
                      + "' (destinations)"));
        }
      }
      if (rule != null && seen.add(groupKind)) {
        violations.add(
            new Violation(
                Violation.COMPARISON,
                rule,
                groupKind,
                "resource "
                    + groupKind
                    + " is not permitted in project '"
                    + name
                    + "' ("
                    + rule
                    + ")"));
      }
    }
    return violations;
  }

  private static boolean listed(List<GroupKind> list, String group, String kind) {
    if (list == null) {
      return false;
    }
    for (GroupKind gk : list) {
      if (Glob.matches(gk.getGroup(), group) && Glob.matches(gk.getKind(), kind)) {
        return true;
      }
    }
    return false;
  }

  /** The API group of an object's {@code apiVersion} ({@code ""} for core). */
  public static String group(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String normalize(String url) {
    String u = url.trim().toLowerCase(java.util.Locale.ROOT);
    if (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }

  private static String server(ApplicationDestination dest) {
    if (dest.getServer() != null && !dest.getServer().isEmpty()) {
      return dest.getServer();
    }
    return "in-cluster".equals(dest.getName()) ? IN_CLUSTER_SERVER : "";
  }

  private static String describe(List<ApplicationDestination> destinations) {
    if (destinations == null) {
      return "[]";
    }
    List<String> parts = new ArrayList<>();
    for (ApplicationDestination d : destinations) {
      String cluster = d.getServer() != null ? d.getServer() : "name=" + d.getName();
      parts.add("{" + cluster + " " + nullToEmpty(d.getNamespace()) + "}");
    }
    return parts.toString();
  }

  private static AppProjectSpec spec(AppProject project) {
    return project.getSpec() == null ? new AppProjectSpec() : project.getSpec();
  }

  private static String name(AppProject project) {
    return project.getMetadata() == null ? "" : project.getMetadata().getName();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
