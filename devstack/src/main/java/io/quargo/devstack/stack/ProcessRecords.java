package io.quargo.devstack.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Recognising and stopping recorded processes safely: a pid is acted on only while it is alive and
 * still runs the command line recorded when it was started (pids are reused).
 */
public final class ProcessRecords {
  private ProcessRecords() {}

  /**
   * The process's arguments (without the executable) joined by spaces, as the OS reports them, or
   * "" when unknown; what identifies a recorded process later.
   */
  public static String commandOf(ProcessHandle process) {
    // the JDK cuts command lines at 4096 bytes (and then reports no arguments): read /proc first
    Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    try {
      String[] parts = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).split("\0");
      if (parts.length > 0 && !parts[0].isEmpty()) {
        return String.join(" ", Arrays.asList(parts).subList(1, parts.length));
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone: ask the JDK
    }
    Optional<String[]> args = process.info().arguments();
    return args.map(a -> String.join(" ", a)).orElse("");
  }

  /** Whether pid is alive and runs the recorded command. */
  public static boolean isSame(long pid, String command) {
    if (pid <= 0) {
      return false;
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(p -> command == null || command.isEmpty() || command.equals(commandOf(p)))
        .orElse(false);
  }

  /**
   * Stops a recorded process: SIGTERM, wait, then SIGKILL. Does nothing (and returns false) when
   * the pid is gone or now runs another command.
   */
  public static boolean stop(long pid, String command, long graceMillis) {
    if (!isSame(pid, command)) {
      return false;
    }
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    process.destroy();
    if (!awaitExit(process, graceMillis)) {
      process.destroyForcibly();
      awaitExit(process, 5000);
    }
    return true;
  }

  /** Waits up to {@code millis} for the process to end; true when it has. */
  public static boolean awaitExit(ProcessHandle process, long millis) {
    CompletableFuture<ProcessHandle> exit = process.onExit();
    try {
      exit.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
