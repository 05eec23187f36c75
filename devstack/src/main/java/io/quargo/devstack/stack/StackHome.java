package io.quargo.devstack.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the stack keeps its state: {@code .quargo/} at the repository root (postgres, kafka and git
 * data, logs, the kubeconfig of the sandbox cluster and {@code state.json}).
 */
public record StackHome(Path repoRoot) {
  /** The repository root from {@code QUARGO_ROOT}, else the working directory. */
  public static StackHome fromEnvironment() {
    String root = System.getenv("QUARGO_ROOT");
    Path path = root == null || root.isBlank() ? Path.of("") : Path.of(root);
    return new StackHome(path.toAbsolutePath().normalize());
  }

  /** {@code .quargo/}. */
  public Path dir() {
    return repoRoot.resolve(".quargo");
  }

  /** {@code .quargo/logs/}. */
  public Path logs() {
    return dir().resolve("logs");
  }

  /** The log file of a part: {@code .quargo/logs/<part>.log}. */
  public Path log(String part) {
    return logs().resolve(part + ".log");
  }

  /** {@code .quargo/state.json}: the supervisor and every process it started. */
  public Path stateFile() {
    return dir().resolve("state.json");
  }

  /** {@code .quargo/kubeconfig}: how to reach the sandbox cluster. */
  public Path kubeconfig() {
    return dir().resolve("kubeconfig");
  }

  /** A data directory of a part, e.g. {@code .quargo/postgres}. */
  public Path data(String part) {
    return dir().resolve(part);
  }

  /** A module's runnable Quarkus jar: {@code <module>/target/quarkus-app/quarkus-run.jar}. */
  public Path serviceJar(String module) {
    return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /** Whether this looks like the Quargo repository (it has the devstack module). */
  public boolean isRepository() {
    return Files.isDirectory(repoRoot.resolve("devstack"));
  }
}
