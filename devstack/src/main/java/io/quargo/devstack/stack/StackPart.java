package io.quargo.devstack.stack;

import java.util.List;
import java.util.Locale;

/**
 * One part of the local stack: its name (as in logs and {@code status}), a label for people, its
 * default port and, for services, the Maven module that builds it.
 */
public record StackPart(String name, String label, int defaultPort, String module) {
  public static final StackPart POSTGRES = new StackPart("postgres", "PostgreSQL", 5432, null);
  public static final StackPart KAFKA = new StackPart("kafka", "Kafka", 9092, null);
  public static final StackPart KAFKA_CONTROLLER =
      new StackPart("kafka-controller", "Kafka controller", 9093, null);
  public static final StackPart SANDBOX =
      new StackPart("sandbox", "sandbox cluster (SIMULATION)", 6443, null);
  public static final StackPart GIT = new StackPart("git", "Git server", 9418, null);

  /** The services, in the order of the design's port table. */
  public static final List<StackPart> SERVICES =
      List.of(
          service("api-gateway", 8080),
          service("repo-server", 8081),
          service("app-controller", 8082),
          service("image-updater", 8083),
          service("rollouts-controller", 8084),
          service("events-bus", 8085),
          service("workflow-engine", 8086));

  /** The infrastructure parts, in start order. */
  public static final List<StackPart> INFRASTRUCTURE =
      List.of(POSTGRES, KAFKA, KAFKA_CONTROLLER, SANDBOX, GIT);

  private static StackPart service(String module, int port) {
    return new StackPart(module, module, port, module);
  }

  /** Every part, infrastructure first. */
  public static List<StackPart> all() {
    return java.util.stream.Stream.concat(INFRASTRUCTURE.stream(), SERVICES.stream()).toList();
  }

  /** The part with this name, or null. */
  public static StackPart byName(String name) {
    return all().stream().filter(p -> p.name.equals(name)).findFirst().orElse(null);
  }

  /** Whether this part is a Quarkus service. */
  public boolean isService() {
    return module != null;
  }

  /** The environment variable overriding its port, e.g. {@code QUARGO_KAFKA_PORT}. */
  public String portVariable() {
    return "QUARGO_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
  }
}
