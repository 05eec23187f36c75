package io.quargo.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quargo app create -f}, {@code app wait}'s time-out and bad usage against the real running
 * suite: the exit codes scripts rely on (0 ok, 1 failed, 2 bad usage).
 */
@ExtendWith(QuargoSuiteExtension.class)
class AppFileAndUsageCliTest {
  @TempDir Path config;
  @TempDir Path files;
  private QuargoCli quargo;

  @BeforeEach
  void logIn(RunningSuite suite) {
    quargo = new QuargoCli(config).loginAsAdmin(suite);
  }

  @Test
  void appCreateFromAFileAndWaitTimesOutOnAnAppNeverSynced(RunningSuite suite) throws Exception {
    String app = "guestbook-file-cli-e2e";
    Path file =
        Files.writeString(
            files.resolve("app.yaml"),
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: %s
            spec:
              project: default
              source:
                repoURL: %s
                path: guestbook
                targetRevision: HEAD
              destination:
                server: https://kubernetes.default.svc
                namespace: %s
            """
                .formatted(app, suite.demoRepoUrl(), app));

    quargo.run("app", "create", "-f", file.toString()).exits(0);
    String yaml = quargo.run("app", "get", app, "-o", "yaml").exits(0).out();
    assertThat(yaml).contains("name: " + app).contains("path: guestbook");

    // never synced: waiting for health gives up after the time-out, with exit 1
    QuargoCli.Result waited = quargo.run("app", "wait", app, "--health", "--timeout", "2");
    waited.exits(1);
    assertThat(waited.err()).contains("timed out (2s) waiting for application '" + app + "'");

    assertThat(quargo.run("app", "delete", app, "-y").exits(0).out()).contains("deleted");
    assertThat(quargo.run("app", "get", app).exits(1).err()).contains("error: ");
  }

  @Test
  void badUsageExitsTwoWithoutCallingTheGateway() {
    assertThat(quargo.run("repo", "add", "https://x", "--type", "svn").exits(2).err())
        .contains("--type \"svn\" is unknown");
    assertThat(quargo.run("app", "list", "-o", "xml").exits(2).err())
        .contains("use wide, yaml, json or name");
    assertThat(quargo.run("cluster", "frobnicate").exitCode()).isEqualTo(2);
  }
}
