package io.quargo.devstack.stack;

import io.quargo.devstack.stack.StackState.PartRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The tables people read: the parts and URLs after {@code up}, and {@code status}. */
public final class StatusTable {
  private static final String ROW = "  %-22s %-10s %-8s %-6s %-6s %s%n";

  private final PrintStream out;

  public StatusTable(PrintStream out) {
    this.out = out;
  }

  /** After {@code up}: every part with its URL, the log folder, and the elapsed time. */
  public void printAfterUp(StackState state, StackHome home, String elapsed, boolean services) {
    out.println();
    out.println("Quargo local stack");
    for (PartRecord part : state.parts()) {
      out.printf("  %-30s %s%n", part.label(), part.url());
    }
    out.println("  logs                           " + home.logs());
    adminPasswordLine(home).ifPresent(out::println);
    out.println(
        (services ? "all services ready" : "infrastructure ready (--infra-only, no services)")
            + " in "
            + elapsed
            + "; Ctrl-C or ./quargo down stops everything");
  }

  /** Where api-gateway writes the generated admin password at its first start (mode 600). */
  static Path adminPasswordFile(StackHome home) {
    return home.data("api-gateway").resolve("initial-admin-password");
  }

  /**
   * The line that shows the admin password api-gateway generated at its first start, while its file
   * exists; empty before the gateway has created admin, and once the user deleted the file.
   */
  static Optional<String> adminPasswordLine(StackHome home) {
    Path file = adminPasswordFile(home);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String password = Files.readString(file).strip();
      return password.isEmpty()
          ? Optional.empty()
          : Optional.of(
              "  admin password                 "
                  + password
                  + "  (log in as admin, change it (PUT /api/v1/account/password),"
                  + " then delete "
                  + file
                  + ")");
    } catch (IOException e) {
      return Optional.of("  admin password                 unreadable in " + file + ": " + e);
    }
  }

  /** {@code status}: each part's process, port and readiness, checked now. */
  public void printStatus(StackState state) {
    boolean supervisor = state.supervisorAlive();
    out.println(
        "Quargo stack: "
            + (supervisor ? state.phase() : "supervisor not running (stale state)")
            + ", supervisor pid "
            + state.supervisorPid());
    out.printf(ROW, "PART", "STATE", "PID", "PORT", "READY", "URL");
    for (PartRecord part : state.parts()) {
      boolean local = part.pid() > 0;
      boolean alive = local && ProcessRecords.isSame(part.pid(), part.command());
      String running = !local ? "external" : alive ? "running" : "stopped";
      out.printf(
          ROW,
          part.name(),
          running,
          local ? Long.toString(part.pid()) : "-",
          part.port() > 0 ? Integer.toString(part.port()) : "-",
          ready(part) ? "yes" : "no",
          part.url());
    }
  }

  /** Whether a part answers now: a service's /q/health/ready, else its port. */
  static boolean ready(PartRecord part) {
    if (part.port() <= 0) {
      return part.pid() == 0;
    }
    StackPart known = StackPart.byName(part.name());
    if (known != null && known.isService()) {
      return Readiness.answers200(ServiceFleet.readyUrl(part.port()));
    }
    return Readiness.accepts(part.port());
  }
}
