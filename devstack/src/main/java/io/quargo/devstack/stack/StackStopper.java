package io.quargo.devstack.stack;

import io.quargo.devstack.stack.StackState.PartRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code down}: asks the supervisor to stop (SIGTERM, which runs its shutdown hook), then stops any
 * recorded process that is still alive and still runs its recorded command. Touches nothing else.
 */
public final class StackStopper {
  private static final long SUPERVISOR_GRACE_MILLIS = 90_000;

  private final StackHome home;
  private final PrintStream out;

  public StackStopper(StackHome home, PrintStream out) {
    this.home = home;
    this.out = out;
  }

  /** Services first, then Kafka, the Git server and PostgreSQL, as the supervisor does. */
  static int stopRank(PartRecord part) {
    return switch (part.name()) {
      case "kafka" -> 1;
      case "git" -> 2;
      case "postgres" -> 3;
      case "sandbox" -> 4;
      default -> 0;
    };
  }

  /** Stops the stack; returns the exit code (0 also when nothing ran). */
  public int stop() {
    Optional<StackState> recorded = StackState.read(home.stateFile());
    if (recorded.isEmpty()) {
      out.println("no Quargo stack is running (no " + home.stateFile() + ")");
      return 0;
    }
    StackState state = recorded.get();
    if (state.supervisorAlive()) {
      out.println("stopping the supervisor (pid " + state.supervisorPid() + ") and its parts...");
      ProcessHandle supervisor = ProcessHandle.of(state.supervisorPid()).orElseThrow();
      supervisor.destroy();
      if (!ProcessRecords.awaitExit(supervisor, SUPERVISOR_GRACE_MILLIS)) {
        out.println("the supervisor did not stop in time; killing it");
        supervisor.destroyForcibly();
        ProcessRecords.awaitExit(supervisor, 5000);
      }
    } else {
      out.println("the supervisor (pid " + state.supervisorPid() + ") is not running");
    }
    int leftovers = 0;
    List<PartRecord> inStopOrder = new ArrayList<>(state.parts());
    inStopOrder.sort(Comparator.comparingInt(StackStopper::stopRank));
    for (PartRecord part : inStopOrder) {
      if (part.owned()
          && part.pid() != state.supervisorPid()
          && ProcessRecords.stop(part.pid(), part.command(), 15_000)) {
        out.println("stopped leftover " + part.name() + " (pid " + part.pid() + ")");
        leftovers++;
      }
    }
    try {
      Files.deleteIfExists(home.stateFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + home.stateFile(), e);
    }
    out.println(
        "the Quargo stack is down"
            + (leftovers > 0 ? " (" + leftovers + " leftovers stopped)" : ""));
    return 0;
  }
}
