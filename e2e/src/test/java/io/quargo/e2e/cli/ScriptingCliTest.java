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
 * The argocd flags scripts use, against the real running suite: apps picked by label ({@code -l})
 * for list, sync, wait and delete, {@code -o name}, a partial sync by resource rule, the resource
 * tree, history IDs, and the project edits.
 */
@ExtendWith(QuargoSuiteExtension.class)
class ScriptingCliTest {
  // names and a label of its own: other e2e tests share the suite
  private static final String LABEL = "suite-test=scripting-cli-e2e";
  private static final String FIRST = "scripting-cli-e2e-a";
  private static final String SECOND = "scripting-cli-e2e-b";
  private static final String PROJECT = "scripting-cli-e2e";
  private static final String IN_CLUSTER = "https://kubernetes.default.svc";

  @TempDir Path config;

  @Test
  void appsPickedByLabelArePartlySyncedThenSyncedWaitedForAndDeletedTogether(RunningSuite suite) {
    QuargoCli quargo = new QuargoCli(config).loginAsAdmin(suite);
    for (String app : new String[] {FIRST, SECOND}) {
      quargo
          .run(
              "app",
              "create",
              app,
              "--repo",
              suite.demoRepoUrl(),
              "--path",
              "guestbook",
              "--dest-server",
              IN_CLUSTER,
              "--dest-namespace",
              app,
              "--sync-option",
              "CreateNamespace=true",
              "-l",
              LABEL)
          .exits(0);
    }

    // -o name prints the qualified names other commands take
    String names = quargo.run("app", "list", "-l", LABEL, "-o", "name").exits(0).out();
    assertThat(names.lines()).containsExactlyInAnyOrder("argocd/" + FIRST, "argocd/" + SECOND);
    assertThat(
            quargo
                .run("app", "list", "-o", "name", "-r", suite.demoRepoUrl(), "-c", IN_CLUSTER)
                .exits(0)
                .out())
        .contains("argocd/" + FIRST);
    assertThat(quargo.run("app", "list", "-o", "name", "-r", "git://nowhere/x.git").out())
        .doesNotContain(FIRST);

    // Given the first app's resources are known, When only its Deployment is synced
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(resources(quargo, "argocd/" + FIRST)).hasSize(2));
    quargo
        .run(
            "app",
            "sync",
            "argocd/" + FIRST,
            "--resource",
            "apps:Deployment:guestbook-ui",
            "--timeout",
            "180")
        .exits(0);

    // Then the Deployment is Synced, the Service is not, and the tree shows what it owns
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (JsonNode resource : resources(quargo, FIRST)) {
                boolean deployment = resource.path("kind").asText().equals("Deployment");
                assertThat(resource.path("status").asText())
                    .as(resource.toString())
                    .isEqualTo(deployment ? "Synced" : "OutOfSync");
              }
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(quargo.run("app", "get", FIRST, "-o", "tree").exits(0).out())
                    .containsPattern("(?m)^KIND/NAME +STATUS +HEALTH +MESSAGE")
                    .containsPattern("(?m)^Deployment/guestbook-ui +Synced")
                    .containsPattern("(?m)^└─ReplicaSet/guestbook-ui-\\S+ +Healthy"));

    // When every labelled app is synced and waited for
    quargo.run("app", "sync", "-l", LABEL, "--timeout", "180").exits(0);
    quargo.run("app", "wait", "-l", LABEL, "--sync", "--health", "--timeout", "180").exits(0);
    assertThat(quargo.run("app", "history", FIRST, "-o", "id").exits(0).out().lines()).hasSize(2);
    assertThat(quargo.run("app", "history", SECOND, "-o", "id").exits(0).out().lines()).hasSize(1);

    // Then deleting them by label waits until they are gone, and a later selector finds none
    quargo.run("app", "delete", "-l", LABEL, "-y", "--wait").exits(0);
    assertThat(quargo.run("app", "list", "-l", LABEL, "-o", "name").exits(0).out()).isEmpty();
    assertThat(quargo.run("app", "sync", "-l", LABEL).exits(1).err())
        .contains("no applications match selector");
  }

  @Test
  void projectSourcesAndDestinationsAreEditedInPlace(RunningSuite suite) {
    QuargoCli quargo = new QuargoCli(config).loginAsAdmin(suite);
    quargo.run("proj", "create", PROJECT, "--description", "scripting").exits(0);

    quargo.run("proj", "add-source", PROJECT, suite.demoRepoUrl()).exits(0);
    quargo.run("proj", "add-destination", PROJECT, IN_CLUSTER, "team-x").exits(0);
    quargo.run("proj", "add-destination", PROJECT, IN_CLUSTER, "team-x").exits(1);
    JsonNode project = quargo.run("proj", "get", PROJECT, "-o", "json").exits(0).json();
    assertThat(project.at("/spec/sourceRepos/0").asText()).isEqualTo(suite.demoRepoUrl());
    assertThat(project.at("/spec/destinations/0/namespace").asText()).isEqualTo("team-x");

    quargo
        .run("proj", "set", PROJECT, "--description", "edited", "-d", IN_CLUSTER + ",team-y")
        .exits(0);
    quargo.run("proj", "remove-source", PROJECT, suite.demoRepoUrl()).exits(0);
    project = quargo.run("proj", "get", PROJECT, "-o", "json").exits(0).json();
    assertThat(project.at("/spec/description").asText()).isEqualTo("edited");
    assertThat(project.at("/spec/sourceRepos")).isEmpty();
    assertThat(project.at("/spec/destinations")).hasSize(1);
    assertThat(project.at("/spec/destinations/0/namespace").asText()).isEqualTo("team-y");
    assertThat(quargo.run("proj", "list", "-o", "name").exits(0).out().lines()).contains(PROJECT);

    assertThat(quargo.run("account", "get").exits(0).out())
        .containsPattern("(?m)^Name: +" + suite.adminUsername() + "$");
    quargo.run("proj", "delete", PROJECT).exits(0);
  }

  private static JsonNode resources(QuargoCli quargo, String app) {
    return quargo.run("app", "get", app, "-o", "json").exits(0).json().at("/status/resources");
  }
}
