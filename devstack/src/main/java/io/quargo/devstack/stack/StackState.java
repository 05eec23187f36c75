package io.quargo.devstack.stack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code .quargo/state.json} records: the supervisor's process, its phase, and every part it
 * started with pid, command line, port, URL and log, so {@code down} and {@code status} work from
 * another terminal and kill only what the stack started.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StackState(
    long supervisorPid,
    String supervisorCommand,
    String phase,
    long startedAtMillis,
    List<PartRecord> parts) {

  /** Still starting. */
  public static final String STARTING = "starting";

  /** Every part is ready. */
  public static final String READY = "ready";

  /** Starting failed; the supervisor is stopping what it started. */
  public static final String FAILED = "failed";

  /** Stopping. */
  public static final String STOPPING = "stopping";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One started part.
   *
   * @param pid the process, or the supervisor's pid for in-process parts (sandbox), or 0 when it is
   *     not a local process (external database, the user's cluster)
   * @param command the process's command line when it was started, to recognise it later
   * @param owned whether the stack started this process (and may therefore stop it)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PartRecord(
      String name,
      String label,
      long pid,
      String command,
      int port,
      String url,
      String log,
      boolean owned) {}

  /** A new state for this supervisor process. */
  public static StackState starting(ProcessHandle self) {
    return new StackState(
        self.pid(),
        ProcessRecords.commandOf(self),
        STARTING,
        System.currentTimeMillis(),
        List.of());
  }

  /** A copy with one more part (replacing a part of the same name). */
  public StackState with(PartRecord part) {
    List<PartRecord> next = new ArrayList<>(parts);
    next.removeIf(p -> p.name().equals(part.name()));
    next.add(part);
    return new StackState(
        supervisorPid, supervisorCommand, phase, startedAtMillis, List.copyOf(next));
  }

  /** A copy in another phase. */
  public StackState inPhase(String newPhase) {
    return new StackState(supervisorPid, supervisorCommand, newPhase, startedAtMillis, parts);
  }

  /** The part with this name. */
  public Optional<PartRecord> part(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Whether the supervisor recorded here is still the live process it was. */
  public boolean supervisorAlive() {
    return ProcessRecords.isSame(supervisorPid, supervisorCommand);
  }

  /** Writes the state atomically (write a temp file, then move it in place). */
  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the stack state " + file, e);
    }
  }

  /** Reads the state, or empty when there is no file (nothing was started). */
  public static Optional<StackState> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), StackState.class));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the stack state "
              + file
              + " ("
              + e.getMessage()
              + "); delete it if no"
              + " stack runs",
          e);
    }
  }
}
