package io.quargo.appcontroller.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One app-controller replica as its own JVM, started from the built runner jar ({@code
 * target/quarkus-app/quarkus-run.jar}) with the test's Kafka, PostgreSQL, sandbox and repo-server
 * stand-in; its log goes to a file the test can read. Stopped gracefully ({@link #stop}) or killed
 * ({@link #kill}, as a crash).
 */
final class ControllerProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private ControllerProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** The runner jar the build made (failsafe passes its path; a default for IDE runs). */
  static Path jar() {
    return Path.of(
        System.getProperty("quargo.controller.jar", "target/quarkus-app/quarkus-run.jar"));
  }

  static ControllerProcess start(String name, Map<String, String> config) {
    try {
      int port = freePort();
      Path log = Files.createTempFile("app-controller-" + name + "-", ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx384m");
      config.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-Dquarkus.http.port=" + port);
      command.add("-Dquarkus.http.host=127.0.0.1");
      command.add("-jar");
      command.add(jar().toAbsolutePath().toString());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      return new ControllerProcess(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GET {@code path} as JSON; null when the replica does not answer (yet). */
  JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Sends {@code body} with {@code method}; returns the status code. */
  int send(String method, String path, String body) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url(path)))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The partitions of the command topic this replica owns (empty until assigned). */
  List<Integer> partitions() {
    JsonNode shard = get("/api/v1/controller/shard");
    List<Integer> result = new ArrayList<>();
    if (shard != null) {
      shard.path("partitions").forEach(p -> result.add(p.asInt()));
    }
    return result;
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM: Quarkus shuts down, the consumer leaves the group. */
  void stop() {
    process.destroy();
    waitFor();
  }

  /** SIGKILL: a crash, nothing runs on the way out. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ", log " + log + ")";
  }
}
