package io.quargo.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quargo cluster} against the real running suite: a cluster read from the sandbox's
 * kubeconfig is registered, listed in Argo's shape and removed.
 */
@ExtendWith(QuargoSuiteExtension.class)
class ClustersCliTest {
  @TempDir Path config;
  @TempDir Path files;
  private QuargoCli quargo;

  @BeforeEach
  void logIn(RunningSuite suite) {
    quargo = new QuargoCli(config).loginAsAdmin(suite);
  }

  @Test
  void clusterAddFromTheSandboxKubeconfigListAndRemove(RunningSuite suite) throws Exception {
    JsonNode kubeconfig =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(suite.kubeconfig().toFile());
    String server = kubeconfig.path("clusters").get(0).path("cluster").path("server").asText();

    String added =
        quargo
            .run(
                "cluster",
                "add",
                "--kubeconfig",
                suite.kubeconfig().toString(),
                "--name",
                "sandbox-cli-e2e",
                "--upsert")
            .exits(0)
            .out();
    assertThat(added).contains("Cluster '" + server + "' added");

    String table = quargo.run("cluster", "list").exits(0).out();
    assertThat(table).containsPattern("(?m)^SERVER +NAME +VERSION +STATUS +MESSAGE +PROJECT");
    assertThat(table).contains("sandbox-cli-e2e");
    JsonNode clusters = quargo.run("cluster", "list", "-o", "json").exits(0).json();
    assertThat(clusters.findValuesAsText("name")).contains("sandbox-cli-e2e");

    assertThat(quargo.run("cluster", "rm", server).exits(0).out())
        .contains("Cluster '" + server + "' removed");
    assertThat(quargo.run("cluster", "list", "-o", "json").exits(0).json().findValuesAsText("name"))
        .doesNotContain("sandbox-cli-e2e");
  }
}
