package io.quargo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reference checks inside one set of Kubernetes manifests: Services, RBAC bindings, accounts. */
final class ManifestRules {

  /** Kinds whose pod template a Service may select. */
  static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet");

  private final List<Manifest> manifests;

  ManifestRules(List<Manifest> manifests) {
    this.manifests = manifests;
  }

  /** Each Service selects the pods of exactly one workload, on a port that workload declares. */
  List<String> services() {
    List<String> problems = new ArrayList<>();
    for (Manifest service : ofKind("Service")) {
      Map<String, String> selector = labels(service.node().path("spec").path("selector"));
      if (selector.isEmpty()) {
        problems.add(service.describe() + " has no spec.selector; select one workload's pods");
        continue;
      }
      List<Manifest> selected =
          manifests.stream()
              .filter(m -> WORKLOAD_KINDS.contains(m.kind()))
              .filter(m -> podLabels(m).entrySet().containsAll(selector.entrySet()))
              .toList();
      if (selected.size() != 1) {
        problems.add(
            service.describe()
                + " selector "
                + selector
                + " matches "
                + selected.size()
                + " workloads "
                + selected.stream().map(Manifest::name).toList()
                + "; it must match the pod template labels of exactly one");
        continue;
      }
      Manifest workload = selected.get(0);
      for (JsonNode port : service.node().path("spec").path("ports")) {
        JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
        if (!declaresPort(workload, target)) {
          problems.add(
              service.describe()
                  + " targetPort "
                  + target.asText()
                  + " is not a container port of "
                  + workload.describe());
        }
      }
    }
    return problems;
  }

  /** Each binding names an existing role and only existing ServiceAccounts. */
  List<String> bindings() {
    List<String> problems = new ArrayList<>();
    for (String bindingKind : List.of("RoleBinding", "ClusterRoleBinding")) {
      for (Manifest binding : ofKind(bindingKind)) {
        JsonNode roleRef = binding.node().path("roleRef");
        String roleKind = roleRef.path("kind").asText();
        String roleName = roleRef.path("name").asText();
        if (!exists(roleKind, roleName)) {
          problems.add(
              binding.describe()
                  + " refers to "
                  + roleKind
                  + "/"
                  + roleName
                  + ", which no manifest defines");
        }
        for (JsonNode subject : binding.node().path("subjects")) {
          if (subject.path("kind").asText().equals("ServiceAccount")
              && !exists("ServiceAccount", subject.path("name").asText())) {
            problems.add(
                binding.describe()
                    + " binds ServiceAccount/"
                    + subject.path("name").asText()
                    + ", which no manifest defines");
          }
        }
      }
    }
    return problems;
  }

  /** Each workload runs as a ServiceAccount that is defined (not the namespace's default). */
  List<String> serviceAccounts() {
    List<String> problems = new ArrayList<>();
    for (Manifest workload : manifests) {
      if (!workload.kind().equals("Deployment")) {
        continue;
      }
      String account =
          workload
              .node()
              .path("spec")
              .path("template")
              .path("spec")
              .path("serviceAccountName")
              .asText();
      if (account.isEmpty()) {
        problems.add(workload.describe() + " sets no serviceAccountName; give it its own account");
      } else if (!exists("ServiceAccount", account)) {
        problems.add(
            workload.describe()
                + " runs as ServiceAccount/"
                + account
                + ", which no manifest defines");
      }
    }
    return problems;
  }

  private List<Manifest> ofKind(String kind) {
    return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  private boolean exists(String kind, String name) {
    return manifests.stream().anyMatch(m -> m.kind().equals(kind) && m.name().equals(name));
  }

  private static Map<String, String> podLabels(Manifest workload) {
    return labels(workload.node().path("spec").path("template").path("metadata").path("labels"));
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new TreeMap<>();
    node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static boolean declaresPort(Manifest workload, JsonNode target) {
    for (JsonNode container :
        workload.node().path("spec").path("template").path("spec").path("containers")) {
      for (JsonNode port : container.path("ports")) {
        boolean byNumber = target.isInt() && port.path("containerPort").asInt() == target.asInt();
        boolean byName = target.isTextual() && port.path("name").asText().equals(target.asText());
        if (byNumber || byName) {
          return true;
        }
      }
    }
    return false;
  }
}
