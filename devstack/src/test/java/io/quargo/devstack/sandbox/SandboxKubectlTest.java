package io.quargo.devstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against the sandbox: apply, get -o yaml, scale. Runs when kubectl is on PATH or
 * at $QUARGO_KUBECTL; skipped otherwise.
 */
class SandboxKubectlTest {
  static SandboxCluster cluster;

  @BeforeAll
  static void start() {
    cluster = SandboxCluster.start(SandboxOptions.defaults().withSimulatorDelay(Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static String kubectl() {
    String configured = System.getenv("QUARGO_KUBECTL");
    if (configured != null && new File(configured).canExecute()) {
      return configured;
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, "kubectl");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }

  record Result(int code, String output) {}

  static Result run(String kubectl, Path kubeconfig, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(kubectl, "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void kubectlAppliesGetsAndScales(@TempDir Path dir) throws Exception {
    String kubectl = kubectl();
    assumeTrue(
        kubectl != null,
        "no kubectl on PATH and QUARGO_KUBECTL is unset; .ci/run shows how to get one");
    Path kubeconfig = write(dir.resolve("kubeconfig"), cluster.kubeconfig());
    Path manifest = dir.resolve("deployment.yaml");
    try (var in = getClass().getResourceAsStream("/sandbox/kubectl-deployment.yaml")) {
      Files.write(manifest, in.readAllBytes());
    }

    Result applied = run(kubectl, kubeconfig, "apply", "-f", manifest.toString());
    assertThat(applied.code()).as(applied.output()).isZero();
    assertThat(applied.output()).contains("deployment.apps/kubectl-web created");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Result yaml =
                  run(kubectl, kubeconfig, "get", "deployment", "kubectl-web", "-o", "yaml");
              assertThat(yaml.code()).as(yaml.output()).isZero();
              assertThat(yaml.output())
                  .contains("image: nginx:1.27", "readyReplicas: 2", "type: Available");
            });

    Result scaled = run(kubectl, kubeconfig, "scale", "deployment/kubectl-web", "--replicas=3");
    assertThat(scaled.code()).as(scaled.output()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .apps()
                            .deployments()
                            .inNamespace("default")
                            .withName("kubectl-web")
                            .get()
                            .getStatus()
                            .getReadyReplicas())
                    .isEqualTo(3));

    Result reapplied = run(kubectl, kubeconfig, "apply", "-f", manifest.toString());
    assertThat(reapplied.code()).as(reapplied.output()).isZero();
    assertThat(reapplied.output()).contains("deployment.apps/kubectl-web configured");
  }

  static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text);
  }
}
