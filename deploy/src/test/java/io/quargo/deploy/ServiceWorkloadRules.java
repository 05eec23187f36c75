package io.quargo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks each Deployment of a Quargo image against its module: port, probes, settings, security.
 */
final class ServiceWorkloadRules {

  private static final Map<String, String> PROBES =
      Map.of(
          "livenessProbe", "/q/health/live",
          "readinessProbe", "/q/health/ready");

  private final ProjectLayout layout;

  ServiceWorkloadRules(ProjectLayout layout) {
    this.layout = layout;
  }

  /** Problems with every container that runs a quargo/<module> image. */
  List<String> check(List<Manifest> manifests) {
    List<String> problems = new ArrayList<>();
    for (Manifest m : manifests) {
      if (!m.kind().equals("Deployment")) {
        continue;
      }
      for (JsonNode c : m.node().path("spec").path("template").path("spec").path("containers")) {
        Optional<String> module = ImageRules.quargoModule(c.path("image").asText());
        module.ifPresent(name -> problems.addAll(checkContainer(m, name, c)));
      }
    }
    return problems;
  }

  private List<String> checkContainer(Manifest m, String module, JsonNode container) {
    List<String> problems = new ArrayList<>();
    String where = m.describe() + " container " + container.path("name").asText();
    Optional<Integer> port = layout.httpPort(module);
    List<Integer> declared = new ArrayList<>();
    container.path("ports").forEach(p -> declared.add(p.path("containerPort").asInt()));
    if (port.isPresent() && !declared.contains(port.get())) {
      problems.add(
          where
              + " declares ports "
              + declared
              + " but "
              + module
              + " listens on quarkus.http.port="
              + port.get());
    }
    PROBES.forEach(
        (probe, path) -> {
          String actual = container.path(probe).path("httpGet").path("path").asText();
          if (!actual.equals(path)) {
            problems.add(where + " " + probe + " must GET " + path + ", found '" + actual + "'");
          }
        });
    if (!hasEnvFromConfigMap(container)) {
      problems.add(where + " takes no envFrom ConfigMap, so it has no KAFKA_BOOTSTRAP_SERVERS");
    }
    if (layout.usesDatabase(module)) {
      for (String variable : List.of("QUARGO_DB_URL", "QUARGO_DB_USER", "QUARGO_DB_PASSWORD")) {
        if (!setsEnv(container, variable)) {
          problems.add(
              where + ": " + module + " has a database schema but " + variable + " is unset");
        }
      }
    }
    JsonNode podSecurity =
        m.node().path("spec").path("template").path("spec").path("securityContext");
    if (!podSecurity.path("runAsNonRoot").asBoolean(false)) {
      problems.add(m.describe() + " must set securityContext.runAsNonRoot: true");
    }
    if (!container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false)) {
      problems.add(where + " must set readOnlyRootFilesystem: true (mount an emptyDir on /tmp)");
    }
    return problems;
  }

  private static boolean hasEnvFromConfigMap(JsonNode container) {
    for (JsonNode source : container.path("envFrom")) {
      if (source.has("configMapRef")) {
        return true;
      }
    }
    return false;
  }

  private static boolean setsEnv(JsonNode container, String name) {
    for (JsonNode env : container.path("env")) {
      if (env.path("name").asText().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
