package io.quargo.devstack.stack;

import io.quargo.devstack.stack.StackState.PartRecord;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The {@code up} process: checks that nothing is in the way, starts the infrastructure and the
 * services, records them in {@code state.json}, then stays in the foreground until Ctrl-C or {@code
 * ./quargo down}, and stops everything it started (services, Kafka, Git, PostgreSQL and the
 * sandbox).
 */
public final class Supervisor {
  /**
   * What {@code up} was asked for.
   *
   * @param portFlags ports from {@code --port part=N}
   * @param withServices false for {@code --infra-only}
   * @param startedAtMillis when the user typed the command (the wrapper script passes it)
   */
  public record Request(
      StackHome home,
      Map<String, Integer> portFlags,
      boolean withServices,
      String classpath,
      Function<String, String> env,
      long startedAtMillis) {}

  private final Request request;
  private final PrintStream out;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private final ServiceFleet fleet = new ServiceFleet();
  private volatile Infrastructure infra;
  private volatile StackState state;
  private PortPlan plan;

  public Supervisor(Request request, PrintStream out) {
    this.request = request;
    this.out = out;
  }

  /** Runs {@code up} in the foreground; returns the exit code once the stack has stopped. */
  public int run() {
    StackHome home = request.home();
    var existing = StackState.read(home.stateFile());
    if (existing.isPresent() && existing.get().supervisorAlive()) {
      out.println(
          "a Quargo stack is already running (supervisor pid "
              + existing.get().supervisorPid()
              + "); see ./quargo status, or stop it with ./quargo down");
      return 2;
    }
    List<String> problems = preflight();
    if (!problems.isEmpty()) {
      problems.forEach(p -> out.println("cannot start: " + p));
      out.println("nothing was started.");
      return 1;
    }
    state = StackState.starting(ProcessHandle.current());
    state.write(home.stateFile());
    Thread hook = new Thread(this::stopAll, "quargo-stack-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      startEverything();
    } catch (RuntimeException e) {
      out.println("FAILED: " + e.getMessage());
      setPhase(StackState.FAILED);
      stopAll();
      return 1;
    }
    setPhase(StackState.READY);
    watchUntilStopped();
    return 0;
  }

  /** Checks ports, jars and configuration; nothing is started. */
  List<String> preflight() {
    List<String> problems = new ArrayList<>();
    try {
      plan = PortPlan.resolve(request.env(), request.portFlags());
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    try {
      readyTimeout();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    List<StackPart> skipped = new ArrayList<>();
    if (externalDatabase() != null) {
      skipped.add(StackPart.POSTGRES);
    } else {
      int wanted = plan.port(StackPart.POSTGRES);
      int free = PortPlan.nextFree(wanted);
      if (free != wanted) {
        out.println("PostgreSQL: port " + wanted + " is in use, using port " + free);
      }
      plan.set(StackPart.POSTGRES, free);
    }
    if (userKubeconfig() != null) {
      skipped.add(StackPart.SANDBOX);
    }
    if (!request.withServices()) {
      skipped.addAll(StackPart.SERVICES);
    } else {
      problems.addAll(ServiceFleet.missingJars(request.home()));
    }
    problems.addAll(plan.problems(skipped, PortPlan::inUse));
    return problems;
  }

  private void startEverything() {
    infra =
        Infrastructure.prepare(
            new Infrastructure.Options(
                request.home(),
                plan,
                request.classpath(),
                externalDatabase(),
                userKubeconfig(),
                readyTimeout(),
                out),
            this::record);
    infra.startAll();
    if (stopped.get()) {
      throw new IllegalStateException("stopped while starting");
    }
    if (request.withServices()) {
      out.println("starting " + StackPart.SERVICES.size() + " services...");
      fleet.start(request.home(), plan, infra, readyTimeout(), out, this::record);
    }
    new StatusTable(out).printAfterUp(state, request.home(), elapsed(), request.withServices());
  }

  private String elapsed() {
    return String.format(
        "%.1f s", (System.currentTimeMillis() - request.startedAtMillis()) / 1000.0);
  }

  private synchronized void record(PartRecord part) {
    state = state.with(part);
    state.write(request.home().stateFile());
  }

  private synchronized void setPhase(String phase) {
    state = state.inPhase(phase);
    state.write(request.home().stateFile());
  }

  /** Waits until stopped; meanwhile reports a service that ends on its own, once. */
  private void watchUntilStopped() {
    List<String> reported = new ArrayList<>();
    try {
      while (!done.await(2, TimeUnit.SECONDS)) {
        for (ChildProcess crashed : fleet.exited()) {
          if (!reported.contains(crashed.name()) && !stopped.get()) {
            reported.add(crashed.name());
            out.println(
                crashed.name()
                    + " stopped on its own (exit code "
                    + crashed.exitValue()
                    + "); see "
                    + crashed.log());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops services, then the infrastructure; runs once, from the shutdown hook or on failure. */
  void stopAll() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    out.println("stopping the Quargo stack...");
    try {
      setPhase(StackState.STOPPING);
    } catch (RuntimeException ignored) {
      // the state file is informational while stopping
    }
    fleet.close();
    if (infra != null) {
      infra.close();
    }
    try {
      Files.deleteIfExists(request.home().stateFile());
    } catch (java.io.IOException e) {
      out.println("could not delete " + request.home().stateFile() + ": " + e.getMessage());
    }
    out.println("the Quargo stack has stopped.");
    done.countDown();
  }

  private Infrastructure.ExternalDatabase externalDatabase() {
    String url = request.env().apply("QUARGO_DB_URL");
    if (url == null || url.isBlank()) {
      return null;
    }
    String user = request.env().apply("QUARGO_DB_USER");
    String password = request.env().apply("QUARGO_DB_PASSWORD");
    return new Infrastructure.ExternalDatabase(
        url, user == null ? "quargo" : user, password == null ? "" : password);
  }

  private String userKubeconfig() {
    String kubeconfig = request.env().apply("KUBECONFIG");
    return kubeconfig == null || kubeconfig.isBlank() ? null : kubeconfig;
  }

  private Duration readyTimeout() {
    String seconds = request.env().apply("QUARGO_READY_TIMEOUT");
    if (seconds == null || seconds.isBlank()) {
      return Duration.ofSeconds(180);
    }
    try {
      return Duration.ofSeconds(Long.parseLong(seconds.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "QUARGO_READY_TIMEOUT=\"" + seconds + "\" is not a number of seconds");
    }
  }
}
