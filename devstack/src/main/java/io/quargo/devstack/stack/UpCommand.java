package io.quargo.devstack.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code up}: starts the stack and supervises it in the foreground, or in the background. */
@Command(
    name = "up",
    description = {
      "Start PostgreSQL, Kafka, the sandbox cluster (a SIMULATION; KUBECONFIG uses a real one),",
      "the Git server with the demo repository, and every service; stop with Ctrl-C or ./quargo down.",
      "Ports: QUARGO_<PART>_PORT (e.g. QUARGO_KAFKA_PORT) or --port part=N."
    })
final class UpCommand implements Callable<Integer> {
  @Option(
      names = "--detach",
      description = "run the supervisor in the background; return once everything is ready")
  boolean detach;

  @Option(
      names = "--infra-only",
      description = "start only PostgreSQL, Kafka, the cluster and the Git server")
  boolean infraOnly;

  @Option(
      names = "--port",
      paramLabel = "PART=PORT",
      description = "a part's port, e.g. --port kafka=19092 --port api-gateway=18080")
  Map<String, Integer> ports = new LinkedHashMap<>();

  @Override
  public Integer call() {
    for (String name : ports.keySet()) {
      if (StackPart.byName(name) == null) {
        System.out.println(
            "--port "
                + name
                + "=...: unknown part; parts are "
                + StackPart.all().stream().map(StackPart::name).toList());
        return 1;
      }
    }
    StackHome home = StackHome.fromEnvironment();
    if (detach) {
      return new DetachedLauncher(home, System.out).launch(ports, infraOnly);
    }
    Supervisor.Request request =
        new Supervisor.Request(
            home,
            ports,
            !infraOnly,
            System.getProperty("java.class.path"),
            System::getenv,
            startedAt());
    return new Supervisor(request, System.out).run();
  }

  /** When the user typed {@code ./quargo up} (the script exports it), else this JVM's start. */
  private static long startedAt() {
    String fromScript = System.getenv("QUARGO_UP_STARTED_MS");
    if (fromScript != null && fromScript.matches("\\d+")) {
      return Long.parseLong(fromScript);
    }
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(java.time.Instant::toEpochMilli)
        .orElse(System.currentTimeMillis());
  }
}
