package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real kustomize to fall back on for fields the Java engine lacks: {@code command} is the program
 * and its leading arguments, e.g. {@code ["/usr/local/bin/kustomize", "build"]} or {@code
 * ["kubectl", "kustomize"]}; the kustomization folder is appended.
 */
public record ExternalKustomize(List<String> command, Duration timeout) {

  /** {@code kustomize build DIR}. */
  public static ExternalKustomize kustomize(Path binary) {
    return new ExternalKustomize(List.of(binary.toString(), "build"), Duration.ofSeconds(90));
  }

  /** {@code kubectl kustomize DIR}. */
  public static ExternalKustomize kubectl(Path binary) {
    return new ExternalKustomize(List.of(binary.toString(), "kustomize"), Duration.ofSeconds(90));
  }

  /** Runs the binary on {@code dir} and parses its YAML output. */
  public List<ObjectNode> build(Path dir, String displayName) {
    List<String> args = new ArrayList<>(command);
    args.add(dir.toString());
    Process process;
    try {
      process = new ProcessBuilder(args).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new KustomizeException(
          displayName,
          "cannot run " + command.get(0) + ": " + e.getMessage() + "; check the configured path");
    }
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new KustomizeException(
            displayName, String.join(" ", command) + " did not finish within " + timeout);
      }
      if (process.exitValue() != 0) {
        throw new KustomizeException(
            displayName, String.join(" ", command) + " failed: " + err.join().strip());
      }
      return Yaml12.readAll(out.join(), displayName);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new KustomizeException(displayName, "interrupted while running kustomize");
    }
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
