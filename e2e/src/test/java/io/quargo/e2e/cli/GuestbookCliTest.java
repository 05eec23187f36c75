package io.quargo.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD's getting-started walk-through, typed at the {@code quargo} CLI against the real running
 * suite: log in, create the guestbook from the demo repository, sync, wait, drift it in the
 * cluster, see the drift as a diff (exit 1), sync it back, roll back, log out.
 */
@ExtendWith(QuargoSuiteExtension.class)
class GuestbookCliTest {
  // names of its own: other e2e tests share the suite and may deploy "guestbook"
  private static final String APP = "guestbook-cli-e2e";
  private static final String NAMESPACE = "guestbook-cli-e2e";
  private static final String IN_CLUSTER = "https://kubernetes.default.svc";
  private static final String NO_POLLING = "600000";

  @TempDir Path config;

  @Test
  void theGuestbookWalkThrough(RunningSuite suite) {
    QuargoCli quargo = new QuargoCli(config);

    // Given a logged-in admin
    quargo.loginAsAdmin(suite);
    assertThat(quargo.run("account", "get-user-info").exits(0).out()).contains("admin");

    // When the guestbook is created from the demo repository and synced
    String created =
        quargo
            .run(
                "app",
                "create",
                APP,
                "--repo",
                suite.demoRepoUrl(),
                "--path",
                "guestbook",
                "--dest-server",
                IN_CLUSTER,
                "--dest-namespace",
                NAMESPACE,
                "--sync-option",
                "CreateNamespace=true")
            .exits(0)
            .out();
    assertThat(created).contains("application '" + APP + "' created");
    assertThat(quargo.run("app", "list").exits(0).out()).contains(APP);

    // (polling every 10 minutes: the waits below end through the gateway's application stream)
    String synced =
        quargo
            .run("app", "sync", APP, "--timeout", "180", "--poll-interval", NO_POLLING)
            .exits(0)
            .out();
    assertThat(synced).containsPattern("Phase: +Succeeded");

    // Then it is Synced and Healthy
    quargo
        .run(
            "app",
            "wait",
            APP,
            "--health",
            "--sync",
            "--timeout",
            "180",
            "--poll-interval",
            NO_POLLING)
        .exits(0);
    JsonNode app = quargo.run("app", "get", APP, "-o", "json").exits(0).json();
    assertThat(app.path("status").path("sync").path("status").asText()).isEqualTo("Synced");
    assertThat(app.path("status").path("health").path("status").asText()).isEqualTo("Healthy");
    assertThat(app.path("spec").path("source").path("repoURL").asText())
        .isEqualTo(suite.demoRepoUrl());
    String revision = app.path("status").path("sync").path("revision").asText();
    assertThat(revision).hasSize(40);

    // and its history holds the one deployment, at the synced revision
    JsonNode history = quargo.run("app", "history", APP, "-o", "json").exits(0).json();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("revision").asText()).isEqualTo(revision);
    assertThat(quargo.run("app", "history", APP).exits(0).out())
        .containsPattern("(?m)^ID +DATE +REVISION")
        .containsPattern("(?m)^" + history.get(0).path("id").asText() + " +\\S+ +" + revision);
    assertThat(quargo.run("app", "diff", APP).exits(0).out()).isEmpty();

    // When someone scales the Deployment in the cluster
    suite
        .sandbox()
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .withName("guestbook-ui")
        .edit(
            d -> {
              d.getSpec().setReplicas(3);
              return d;
            });

    // Then app diff shows the replicas and exits 1, as argocd's diff does
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              QuargoCli.Result diff = quargo.run("app", "diff", APP).exits(1);
              assertThat(diff.out())
                  .contains("===== apps/Deployment " + NAMESPACE + "/guestbook-ui ======")
                  .contains("-  replicas: 3")
                  .contains("+  replicas: 1");
            });
    assertThat(
            quargo.run("app", "get", APP, "-o", "json").json().at("/status/sync/status").asText())
        .isEqualTo("OutOfSync");
    // waiting for Synced now times out with exit 1, naming what is missing
    assertThat(quargo.run("app", "wait", APP, "--sync", "--timeout", "2").exits(1).err())
        .contains("timed out (2s)")
        .contains("sync status is OutOfSync");

    // When it is synced again, the drift is gone and the history grows
    quargo.run("app", "sync", APP, "--timeout", "180").exits(0);
    quargo.run("app", "wait", APP, "--timeout", "180").exits(0);
    assertThat(quargo.run("app", "diff", APP).exits(0).out()).isEmpty();
    assertThat(quargo.run("app", "history", APP, "-o", "json").json()).hasSize(2);

    // and a rollback to the first deployment succeeds
    String firstId = history.get(0).path("id").asText();
    quargo.run("app", "rollback", APP, firstId, "--timeout", "180").exits(0);

    // The other lists answer as argocd's do
    assertThat(quargo.run("proj", "list").exits(0).out())
        .containsPattern("(?m)^NAME +")
        .containsPattern("(?m)^default +");

    // When the admin logs out, the stored token is gone and the API refuses the CLI
    quargo.run("app", "delete", APP, "-y").exits(0);
    assertThat(quargo.run("logout").exits(0).out()).contains("Logged out from");
    QuargoCli.Result refused = quargo.run("app", "list").exits(1);
    assertThat(refused.err()).contains("quargo login");
  }
}
