package io.quargo.devstack.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting for a part to be ready: a TCP port that accepts, or an HTTP URL that answers 200. */
public final class Readiness {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private Readiness() {}

  /** Whether 127.0.0.1:port accepts a connection. */
  public static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether a GET of the URL answers 200. */
  public static boolean answers200(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits until {@code ready} holds; fails naming the part and its log when the process ends first
   * or the time runs out.
   *
   * @param process the part's process, or null for an in-process part
   */
  public static void await(
      String label, BooleanSupplier ready, ChildProcess process, Path log, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (ready.getAsBoolean()) {
        return;
      }
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            label
                + " exited with code "
                + process.exitValue()
                + " before it was ready; see "
                + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            label
                + " was not ready after "
                + timeout.toSeconds()
                + " s; see its log "
                + log
                + " (QUARGO_READY_TIMEOUT sets the wait in seconds)");
      }
      try {
        TimeUnit.MILLISECONDS.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + label, e);
      }
    }
  }
}
