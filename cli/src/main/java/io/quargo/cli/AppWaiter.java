package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Waits until an application reaches the wanted sync, health and operation states: it follows the
 * gateway's application stream (Argo's {@code /api/v1/stream/applications?name=}) when there is
 * one, and polls the application otherwise (or once the stream ends).
 */
final class AppWaiter {
  /**
   * What to wait for: Synced, a health among {@code healthStates} (none: health does not matter),
   * and no operation running. Degraded fails the wait unless it is one of the wanted states.
   */
  record Goal(boolean sync, java.util.Set<String> healthStates, boolean operation) {
    Goal(boolean sync, boolean health, boolean operation) {
      this(sync, health ? java.util.Set.of("Healthy") : java.util.Set.of(), operation);
    }

    boolean health() {
      return !healthStates.isEmpty();
    }
  }

  /** With a stream, ask for the app anyway after this long without an event (a missed event). */
  private static final Duration RESYNC = Duration.ofSeconds(10);

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
    // the stream opens before the first read, so no change between the two is missed
    Optional<EventStream> stream = client.stream(streamPath(name));
    try {
      JsonNode app = client.get(AppCommand.path(name, ""));
      while (true) {
        List<String> missing = missing(app, goal);
        if (missing.isEmpty()) {
          return app;
        }
        String health = text(app, "status.health.status");
        if (goal.health() && "Degraded".equals(health) && !goal.healthStates().contains(health)) {
          String message = text(app, "status.health.message");
          throw new CliException(
              "application '" + name + "' is Degraded" + (message.isEmpty() ? "" : ": " + message));
        }
        long left = deadline - System.nanoTime();
        if (!timeout.isZero() && left <= 0) {
          throw new CliException(
              "timed out ("
                  + timeout.toSeconds()
                  + "s) waiting for application '"
                  + name
                  + "': "
                  + String.join(", ", missing));
        }
        Duration wait = timeout.isZero() ? RESYNC : min(RESYNC, Duration.ofNanos(left));
        if (stream.isPresent()) {
          try {
            Optional<JsonNode> changed = nextChange(stream.get(), name, wait);
            app = changed.isPresent() ? changed.get() : client.get(AppCommand.path(name, ""));
          } catch (EventStream.StreamEnded ended) {
            stream.get().close();
            stream = Optional.empty();
          }
        } else {
          sleep(name, timeout.isZero() ? poll : min(poll, Duration.ofNanos(left)));
          app = client.get(AppCommand.path(name, ""));
        }
      }
    } finally {
      stream.ifPresent(EventStream::close);
    }
  }

  /**
   * Waits for the app's running operation to finish, shows the app, and fails unless the operation
   * Succeeded ({@code verb} names it in the error: sync, rollback).
   */
  JsonNode awaitOperation(
      String name, String verb, Duration timeout, java.util.function.Consumer<JsonNode> show) {
    JsonNode app = await(name, new Goal(false, false, true), timeout);
    show.accept(app);
    String phase = text(app, "status.operationState.phase");
    if (!phase.isEmpty() && !phase.equals("Succeeded")) {
      throw new CliException(
          verb
              + " of application '"
              + name
              + "' ended "
              + phase
              + ": "
              + text(app, "status.operationState.message"));
    }
    return app;
  }

  /** Returns once the gateway answers 404 for the app; fails after {@code timeout} (0: never). */
  void awaitDeleted(String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        client.get(AppCommand.path(name, ""));
      } catch (GatewayException e) {
        if (e.status() == 404) {
          return;
        }
        throw e;
      }
      if (!timeout.isZero() && deadline - System.nanoTime() <= 0) {
        throw new CliException(
            "timed out ("
                + timeout.toSeconds()
                + "s) waiting for application '"
                + name
                + "' to be deleted");
      }
      sleep(name, poll);
    }
  }

  static String streamPath(String name) {
    int slash = name.indexOf('/');
    String path =
        "/api/v1/stream/applications?name=" + GatewayClient.segment(name.substring(slash + 1));
    return slash < 0
        ? path
        : path + "&appNamespace=" + GatewayClient.segment(name.substring(0, slash));
  }

  /**
   * The app from the stream's next event about it ({@code
   * {"result":{"type":..,"application":..}}}), or empty when none came within {@code wait}.
   */
  private static Optional<JsonNode> nextChange(EventStream stream, String name, Duration wait)
      throws EventStream.StreamEnded {
    long until = System.nanoTime() + wait.toNanos();
    while (true) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      Optional<JsonNode> event = stream.next(Duration.ofNanos(left));
      if (event.isEmpty()) {
        return Optional.empty();
      }
      JsonNode result = event.get().path("result");
      JsonNode app = result.path("application");
      if (!AppCommand.bareName(name).equals(text(app, "metadata.name"))) {
        continue;
      }
      if ("DELETED".equals(result.path("type").asText())) {
        throw new CliException("application '" + name + "' was deleted while waiting for it");
      }
      return Optional.of(app);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(String name, Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while waiting for application '" + name + "'", e);
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
    if (goal.health() && !goal.healthStates().contains(health)) {
      missing.add(
          "health is "
              + orUnknown(health)
              + ", not "
              + String.join(" or ", new java.util.TreeSet<>(goal.healthStates())));
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
