package io.quargo.devstack.stack;

import io.quargo.devstack.stack.StackState.PartRecord;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Every Quargo service as its own small JVM ({@code quarkus-run.jar}), started in parallel and
 * waited for on {@code /q/health/ready}.
 */
public final class ServiceFleet implements AutoCloseable {
  /** The JVM flags of each service: a small heap and a quick start. */
  static final List<String> JVM_FLAGS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** Replaces {@link #JVM_FLAGS} when set, e.g. for a benchmark: {@code -Xmx1g -XX:+UseG1GC}. */
  static final String JVM_FLAGS_VARIABLE = "QUARGO_SERVICE_JVM_FLAGS";

  /**
   * The flags each service JVM starts with: {@code QUARGO_SERVICE_JVM_FLAGS}, else the small set.
   */
  static List<String> jvmFlags(Map<String, String> environment) {
    String flags = environment.getOrDefault(JVM_FLAGS_VARIABLE, "").strip();
    return flags.isEmpty() ? JVM_FLAGS : List.of(flags.split("\\s+"));
  }

  private final Map<String, Map<String, String>> systemProperties;
  private final List<ChildProcess> running = new ArrayList<>();
  private boolean closed;

  /** The fleet as {@code ./quargo up} starts it: each service with its fixed configuration. */
  public ServiceFleet() {
    this(Map.of());
  }

  /**
   * A fleet whose services also get {@code systemProperties} ({@code -Dkey=value}), by service
   * name: for a caller that needs configuration {@code up} does not set, such as the e2e suite's
   * extra gateway accounts ({@code api-gateway} &rarr; {@code quargo.gateway.accounts.alice.enabled
   * = true}), without starting a second JVM of the service for it.
   *
   * @throws IllegalArgumentException if a name is not one of {@link StackPart#SERVICES}
   */
  public ServiceFleet(Map<String, Map<String, String>> systemProperties) {
    for (String name : systemProperties.keySet()) {
      StackPart part = StackPart.byName(name);
      if (part == null || !part.isService()) {
        throw new IllegalArgumentException(
            "no service named " + name + " to configure; the services are " + serviceNames());
      }
    }
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    systemProperties.forEach(
        (name, properties) ->
            copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(properties))));
    this.systemProperties = Collections.unmodifiableMap(copy);
  }

  private static List<String> serviceNames() {
    return StackPart.SERVICES.stream().map(StackPart::name).toList();
  }

  /** The jars that are missing, as messages naming the module and what to do. */
  public static List<String> missingJars(StackHome home) {
    List<String> missing = new ArrayList<>();
    for (StackPart service : StackPart.SERVICES) {
      if (!Files.exists(home.serviceJar(service.module()))) {
        missing.add(
            home.serviceJar(service.module())
                + " is missing; build it with ./mvnw -B install -DskipTests (./quargo up does this)");
      }
    }
    return missing;
  }

  /** The environment of one service. */
  static Map<String, String> environment(Infrastructure infra, int port) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
    env.put("QUARGO_DB_URL", infra.jdbcUrl());
    env.put("QUARGO_DB_USER", infra.dbUser());
    env.put("QUARGO_DB_PASSWORD", infra.dbPassword());
    env.put("KUBECONFIG", infra.kubeconfigPath());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    return env;
  }

  /**
   * What api-gateway needs besides: where app-controller listens, and the file it writes the
   * generated admin password to, which {@code up} shows ({@link StatusTable#adminPasswordFile}).
   */
  static Map<String, String> gatewayEnvironment(StackHome home, PortPlan ports) {
    Map<String, String> env = new LinkedHashMap<>();
    StackPart appController =
        StackPart.SERVICES.stream()
            .filter(s -> s.name().equals("app-controller"))
            .findFirst()
            .orElseThrow();
    env.put("QUARGO_APP_CONTROLLER_URL", "http://127.0.0.1:" + ports.port(appController));
    env.put("QUARGO_ADMIN_PASSWORD_FILE", StatusTable.adminPasswordFile(home).toString());
    return env;
  }

  /** What app-controller needs besides: where repo-server listens (its port may be moved). */
  static Map<String, String> appControllerEnvironment(PortPlan ports) {
    return Map.of(
        "QUARGO_REPO_SERVER_URL",
        "http://127.0.0.1:" + ports.port(StackPart.byName("repo-server")));
  }

  private static Map<String, String> serviceEnvironment(
      StackPart service, StackHome home, PortPlan ports, Infrastructure infra, int port) {
    Map<String, String> env = environment(infra, port);
    if (service.name().equals("api-gateway")) {
      env.putAll(gatewayEnvironment(home, ports));
    }
    if (service.name().equals("app-controller")) {
      env.putAll(appControllerEnvironment(ports));
    }
    return env;
  }

  /**
   * The {@code java} arguments of one service: its JVM flags ({@link #jvmFlags}), the system
   * properties its caller gave for it, in the order given, then {@code -jar} and its jar.
   */
  List<String> javaArguments(StackPart service, StackHome home, Map<String, String> environment) {
    List<String> args = new ArrayList<>(jvmFlags(environment));
    systemProperties
        .getOrDefault(service.name(), Map.of())
        .forEach((key, value) -> args.add("-D" + key + "=" + value));
    args.add("-jar");
    args.add(home.serviceJar(service.module()).toString());
    return args;
  }

  /**
   * Starts every service, then waits for each to be ready; on failure stops them all and rethrows
   * the first failure, which names the service and its log.
   */
  public void start(
      StackHome home,
      PortPlan ports,
      Infrastructure infra,
      Duration timeout,
      PrintStream out,
      Consumer<PartRecord> recorder) {
    Map<StackPart, ChildProcess> started = new LinkedHashMap<>();
    for (StackPart service : StackPart.SERVICES) {
      int port = ports.port(service);
      List<String> args = javaArguments(service, home, System.getenv());
      ChildProcess child;
      synchronized (running) {
        if (closed) {
          throw new IllegalStateException("the stack is stopping; not starting more services");
        }
        child =
            ChildProcess.start(
                service.name(),
                ChildProcess.java(args.toArray(String[]::new)),
                serviceEnvironment(service, home, ports, infra, port),
                home.log(service.name()));
        running.add(child);
      }
      started.put(service, child);
      recorder.accept(record(service, child, port));
    }
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    for (var entry : started.entrySet()) {
      StackPart service = entry.getKey();
      ChildProcess child = entry.getValue();
      int port = ports.port(service);
      waits.add(
          CompletableFuture.runAsync(
              () -> {
                Readiness.await(
                    service.name(),
                    () -> Readiness.answers200(readyUrl(port)),
                    child,
                    child.log(),
                    timeout);
                out.println(service.name() + " ready on port " + port);
              }));
    }
    try {
      CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      close();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static PartRecord record(StackPart service, ChildProcess child, int port) {
    return new PartRecord(
        service.name(),
        service.label(),
        child.pid(),
        child.command(),
        port,
        "http://127.0.0.1:" + port,
        child.log().toString(),
        true);
  }

  /** The readiness URL of a service on a port. */
  public static String readyUrl(int port) {
    return "http://127.0.0.1:" + port + "/q/health/ready";
  }

  /** The services that ended on their own (crashed), for the supervisor to report. */
  public List<ChildProcess> exited() {
    synchronized (running) {
      return running.stream().filter(c -> !c.isAlive()).toList();
    }
  }

  /** Stops every service: all are sent SIGTERM together, then each is waited for. */
  @Override
  public void close() {
    List<ChildProcess> all;
    synchronized (running) {
      closed = true;
      all = List.copyOf(running);
    }
    all.parallelStream().forEach(c -> c.stop(15_000));
  }
}
