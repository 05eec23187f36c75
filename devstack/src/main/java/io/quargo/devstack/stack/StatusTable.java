package io.quargo.devstack.stack;

import io.quargo.devstack.stack.StackState.PartRecord;
import java.io.PrintStream;
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
    adminPasswordLine().ifPresent(out::println);
    out.println(
        (services ? "all services ready" : "infrastructure ready (--infra-only, no services)")
            + " in "
            + elapsed
            + "; Ctrl-C or ./quargo down stops everything");
  }

  /**
   * HOOK (admin password): when api-gateway has local accounts and generates the initial admin
   * password, return the line that shows it here (for example read from where the gateway stores
   * it). Until then there is no password to show, and none is invented.
   */
  static Optional<String> adminPasswordLine() {
    return Optional.empty();
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
