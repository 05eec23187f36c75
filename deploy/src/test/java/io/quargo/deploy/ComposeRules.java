package io.quargo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a docker-compose file against the modules: images, ports, dependencies, health. */
final class ComposeRules {

  private final ProjectLayout layout;
  private final Path file;
  private final JsonNode services;

  ComposeRules(ProjectLayout layout, Path file) {
    this.layout = layout;
    this.file = file;
    List<Manifest> docs = Manifest.read(file);
    if (docs.size() != 1 || !docs.get(0).node().path("services").isObject()) {
      throw new IllegalStateException(file + " must be one document with a services: map");
    }
    this.services = docs.get(0).node().path("services");
  }

  /** Every service's image is ours (a module with a Dockerfile) or a known infra image. */
  List<String> images() {
    ImageRules rules = new ImageRules(layout);
    List<String> problems = new ArrayList<>();
    services
        .fields()
        .forEachRemaining(
            e ->
                problems.addAll(
                    rules.check(e.getValue().path("image").asText(), where(e.getKey()))));
    return problems;
  }

  /**
   * Each Quargo service waits for a healthy Kafka, and for a healthy PostgreSQL if it has a schema.
   */
  List<String> dependencies() {
    List<String> problems = new ArrayList<>();
    String kafka = infraService("apache/kafka");
    String postgres = infraService("postgres");
    forEachQuargoService(
        (name, module, service) -> {
          problems.addAll(
              dependsOnHealthy(name, service, kafka, "it reads KAFKA_BOOTSTRAP_SERVERS"));
          if (!service.path("environment").has("KAFKA_BOOTSTRAP_SERVERS")) {
            problems.add(where(name) + " does not set KAFKA_BOOTSTRAP_SERVERS");
          }
          if (layout.usesDatabase(module)) {
            problems.addAll(dependsOnHealthy(name, service, postgres, "it has a database schema"));
            for (String variable :
                List.of("QUARGO_DB_URL", "QUARGO_DB_USER", "QUARGO_DB_PASSWORD")) {
              if (!service.path("environment").has(variable)) {
                problems.add(where(name) + " has a database schema but does not set " + variable);
              }
            }
          }
        });
    return problems;
  }

  /** Each Quargo service publishes its quarkus.http.port and checks /q/health/ready on it. */
  List<String> ports() {
    List<String> problems = new ArrayList<>();
    forEachQuargoService(
        (name, module, service) -> {
          Optional<Integer> port = layout.httpPort(module);
          if (port.isEmpty()) {
            problems.add(where(name) + ": " + module + " sets no quarkus.http.port");
            return;
          }
          List<Integer> published = new ArrayList<>();
          service.path("ports").forEach(p -> published.add(containerPort(p.asText())));
          if (!published.contains(port.get())) {
            problems.add(
                where(name)
                    + " publishes container ports "
                    + published
                    + " but "
                    + module
                    + " listens on quarkus.http.port="
                    + port.get());
          }
          String health = service.path("healthcheck").path("test").toString();
          if (!health.contains("/q/health/ready") || !health.contains(String.valueOf(port.get()))) {
            problems.add(
                where(name) + " healthcheck must probe /q/health/ready on port " + port.get());
          }
        });
    return problems;
  }

  private List<String> dependsOnHealthy(String name, JsonNode service, String dep, String why) {
    if (dep == null) {
      return List.of(
          where(name) + " needs a " + why + " dependency, but the file has no such service");
    }
    JsonNode dependsOn = service.path("depends_on");
    String condition = dependsOn.path(dep).path("condition").asText();
    if (!condition.equals("service_healthy")) {
      return List.of(
          where(name)
              + " must depend on "
              + dep
              + " with condition: service_healthy ("
              + why
              + "), found "
              + (dependsOn.isMissingNode() ? "no depends_on" : dependsOn.toString()));
    }
    return List.of();
  }

  private String infraService(String imageRepository) {
    for (Map.Entry<String, JsonNode> e : iterable()) {
      String image = e.getValue().path("image").asText();
      if (image.equals(imageRepository) || image.startsWith(imageRepository + ":")) {
        return e.getKey();
      }
    }
    return null;
  }

  private interface ServiceCheck {
    void check(String name, String module, JsonNode service);
  }

  private void forEachQuargoService(ServiceCheck check) {
    for (Map.Entry<String, JsonNode> e : iterable()) {
      ImageRules.quargoModule(e.getValue().path("image").asText())
          .ifPresent(module -> check.check(e.getKey(), module, e.getValue()));
    }
  }

  private Iterable<Map.Entry<String, JsonNode>> iterable() {
    return services::fields;
  }

  /** The container side of "host:container", "container" or "ip:host:container[/proto]". */
  private static int containerPort(String mapping) {
    String spec = mapping.contains("/") ? mapping.substring(0, mapping.indexOf('/')) : mapping;
    return Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
  }

  private String where(String service) {
    return file + " service " + service;
  }
}
