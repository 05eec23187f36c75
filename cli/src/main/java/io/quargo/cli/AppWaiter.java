package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Polls an application until it reaches the wanted sync, health and operation states. */
final class AppWaiter {
  /** What to wait for: Synced, Healthy, and no operation running. */
  record Goal(boolean sync, boolean health, boolean operation) {}

  private final GatewayClient client;
  private final Duration poll;

  AppWaiter(GatewayClient client, Duration poll) {
    this.client = client;
    this.poll = poll;
  }

  /**
   * The app once {@code goal} holds; a {@link CliException} when it turns Degraded (if health is
   * wanted) or when {@code timeout} passes (zero waits for ever).
   */
  JsonNode await(String name, Goal goal, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode app = client.get(AppCommand.path(name, ""));
      List<String> missing = missing(app, goal);
      if (missing.isEmpty()) {
        return app;
      }
      String health = text(app, "status.health.status");
      if (goal.health() && "Degraded".equals(health)) {
        String message = text(app, "status.health.message");
        throw new CliException(
            "application '" + name + "' is Degraded" + (message.isEmpty() ? "" : ": " + message));
      }
      if (!timeout.isZero() && System.nanoTime() - deadline >= 0) {
        throw new CliException(
            "timed out ("
                + timeout.toSeconds()
                + "s) waiting for application '"
                + name
                + "': "
                + String.join(", ", missing));
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted while waiting for application '" + name + "'", e);
      }
    }
  }

  /** What still differs from the goal, in words; empty when the goal holds. */
  static List<String> missing(JsonNode app, Goal goal) {
    List<String> missing = new ArrayList<>();
    String sync = text(app, "status.sync.status");
    if (goal.sync() && !"Synced".equals(sync)) {
      missing.add("sync status is " + orUnknown(sync) + ", not Synced");
    }
    String health = text(app, "status.health.status");
    if (goal.health() && !"Healthy".equals(health)) {
      missing.add("health is " + orUnknown(health) + ", not Healthy");
    }
    if (goal.operation() && operationRunning(app)) {
      missing.add("an operation is " + orUnknown(text(app, "status.operationState.phase")));
    }
    return missing;
  }

  static boolean operationRunning(JsonNode app) {
    JsonNode operation = app.path("operation");
    if (!operation.isMissingNode() && !operation.isNull()) {
      return true;
    }
    String phase = text(app, "status.operationState.phase");
    return phase.equals("Running") || phase.equals("Terminating");
  }

  private static String orUnknown(String value) {
    return value.isEmpty() ? "unknown" : value;
  }
}
