package io.quargo.appcontroller.cluster;

/**
 * Argo CD's {@code connectionState}: {@code Successful} or {@code Failed}, with a message saying
 * why, when it was attempted, and the server version when it answered.
 */
public record ConnectionState(
    String status, String message, String attemptedAt, String serverVersion) {

  public static final String SUCCESSFUL = "Successful";
  public static final String FAILED = "Failed";
}
