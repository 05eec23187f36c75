package io.quargo.devstack.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code up --detach}: starts the supervisor as a background process (its output in {@code
 * .quargo/logs/supervisor.log}), waits until the state file says ready, prints the supervisor's
 * summary and returns; or prints the log and fails when the supervisor gives up.
 */
final class DetachedLauncher {
  private static final Duration LIMIT = Duration.ofMinutes(10);

  private final StackHome home;
  private final PrintStream out;

  DetachedLauncher(StackHome home, PrintStream out) {
    this.home = home;
    this.out = out;
  }

  int launch(Map<String, Integer> ports, boolean infraOnly) {
    Optional<StackState> existing = StackState.read(home.stateFile());
    if (existing.isPresent() && existing.get().supervisorAlive()) {
      out.println(
          "a Quargo stack is already running (supervisor pid "
              + existing.get().supervisorPid()
              + "); see ./quargo status, or stop it with ./quargo down");
      return 2;
    }
    Path log = home.log("supervisor");
    List<String> args = new ArrayList<>();
    args.add("-Xmx256m");
    args.add("-XX:+UseSerialGC");
    args.add("-XX:TieredStopAtLevel=1");
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    args.add(QuargoStack.class.getName());
    args.add("up");
    if (infraOnly) {
      args.add("--infra-only");
    }
    ports.forEach((part, port) -> args.add("--port=" + part + "=" + port));
    truncate(log);
    ChildProcess supervisor =
        ChildProcess.start(
            "supervisor", ChildProcess.java(args.toArray(String[]::new)), Map.of(), log);
    out.println(
        "started the supervisor in the background (pid " + supervisor.pid() + "), log " + log);
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!supervisor.isAlive()) {
        out.println("the supervisor ended with code " + supervisor.exitValue() + ":");
        out.print(read(log));
        return 1;
      }
      Optional<StackState> state = readQuietly();
      if (state.isPresent()
          && state.get().supervisorPid() == supervisor.pid()
          && StackState.READY.equals(state.get().phase())) {
        out.print(read(log));
        out.println(
            "the stack runs in the background: ./quargo status, ./quargo logs, ./quargo down");
        return 0;
      }
      pause();
    }
    out.println("the stack was not ready after " + LIMIT.toMinutes() + " minutes; see " + log);
    return 1;
  }

  private Optional<StackState> readQuietly() {
    try {
      return StackState.read(home.stateFile());
    } catch (UncheckedIOException e) {
      return Optional.empty(); // being written
    }
  }

  private static void truncate(Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + log, e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ")\n";
    }
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the stack", e);
    }
  }
}
