package io.quargo.testkit;

import org.testcontainers.DockerClientFactory;

/**
 * Tells whether a Docker engine is reachable, so that test infrastructure may use Testcontainers.
 */
public final class DockerEngine {
  private static Boolean available;

  private DockerEngine() {}

  /** True when a Docker engine answers; {@code QUARGO_TEST_NO_DOCKER=true} forces false. */
  public static synchronized boolean available() {
    if (available == null) {
      available = !"true".equalsIgnoreCase(System.getenv("QUARGO_TEST_NO_DOCKER")) && probeDocker();
    }
    return available;
  }

  private static boolean probeDocker() {
    boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
    if (!socket && System.getenv("DOCKER_HOST") == null) {
      return false; // asking Testcontainers would only log a page of errors
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
