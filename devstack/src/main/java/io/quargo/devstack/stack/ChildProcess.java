package io.quargo.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process the stack starts, with its output appended to a log file and a way to stop it. */
public final class ChildProcess {
  /**
   * Children run in their own session, so a Ctrl-C in the terminal reaches only the supervisor,
   * which then stops them in order (services before Kafka).
   */
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final Process process;
  private final Path log;
  private final String command;

  private ChildProcess(String name, Process process, Path log, List<String> command) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.command = String.join(" ", command.subList(1, command.size()));
  }

  /**
   * Starts a command with extra environment variables; stdout and stderr go to {@code log}. The
   * recorded command is its arguments (what {@link ProcessRecords#commandOf} reports once it runs).
   */
  public static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      List<String> line = new ArrayList<>();
      if (Files.isExecutable(SETSID)) {
        line.add(SETSID.toString());
      }
      line.addAll(command);
      ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      return new ChildProcess(name, builder.start(), log, command);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start " + name + " (" + String.join(" ", command) + ")", e);
    }
  }

  /** The command of a Java process: this JVM's {@code java} binary, then the arguments. */
  public static List<String> java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Runs a command to completion; fails with the log's tail when it does not exit with 0. */
  public static void run(String name, List<String> command, Path log, long timeoutMillis) {
    ChildProcess child = start(name, command, Map.of(), log);
    // the Process's own wait: its handle's onExit can complete before the exit code is recorded,
    // and exitValue() then throws IllegalThreadStateException ("process hasn't exited")
    boolean ended;
    try {
      ended = child.process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      child.stop(1000);
      throw new IllegalStateException(
          name + " did not finish in " + timeoutMillis + " ms; see " + log);
    }
    if (child.process.exitValue() != 0) {
      throw new IllegalStateException(
          name + " failed with exit code " + child.process.exitValue() + "; see " + log);
    }
  }

  /** Whether it still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Its exit code; only valid once it ended. */
  public int exitValue() {
    return process.exitValue();
  }

  /** Its pid. */
  public long pid() {
    return process.pid();
  }

  /** The command line recorded for it. */
  public String command() {
    return command;
  }

  /** The log file. */
  public Path log() {
    return log;
  }

  /** Its name. */
  public String name() {
    return name;
  }

  /** SIGTERM, wait up to {@code graceMillis}, then SIGKILL (the process and its children). */
  public void stop(long graceMillis) {
    List<ProcessHandle> children = process.toHandle().descendants().toList();
    process.destroy();
    if (!ProcessRecords.awaitExit(process.toHandle(), graceMillis)) {
      process.destroyForcibly();
      ProcessRecords.awaitExit(process.toHandle(), 5000);
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
