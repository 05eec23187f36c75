package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Argo's terminate-operation: a sync waiting on a PostSync hook that never finishes is stopped by
 * {@code DELETE .../operation}; the phase goes Terminating, then Failed with "Operation
 * terminated", the running hook is deleted and no history entry is written.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class TerminateOperationTest {

  static final String STUCK_POST_SYNC =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        mode: "on"
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        generateName: smoke-
        annotations:
          argocd.argoproj.io/hook: PostSync
      spec:
        template:
          metadata:
            annotations:
              sandbox.quargo.io/fail: ImagePullBackOff
          spec:
            restartPolicy: Never
            containers:
              - name: smoke
                image: example/smoke:never
      """;

  GitServer git;

  @Inject KubernetesClient client;

  @Test
  void aRunningSyncIsTerminatedBetweenSteps() {
    String repo = git.createUniqueRepo("stuck-hook");
    git.commit(repo, Map.of("app/stuck.yaml", STUCK_POST_SYNC), "a PostSync hook that never ends");
    String name = unique("terminate");
    String namespace = unique("terminate");
    ObjectNode app = guestbookApp(name, git.url(repo), namespace);
    ((ObjectNode) app.path("spec").path("source")).put("path", "app");
    create(app);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
    await("the sync waits on its PostSync hook")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> !client.batch().v1().jobs().inNamespace(namespace).list().getItems().isEmpty());
    assertThat(phase(name)).isEqualTo("Running");

    given().when().delete("/api/v1/applications/" + name + "/operation").then().statusCode(200);
    assertThat(phase(name)).isIn("Terminating", "Failed");

    await("the sync stops")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode state = get(name).at("/status/operationState");
              assertThat(state.path("phase").asText()).isEqualTo("Failed");
              assertThat(state.path("message").asText()).isEqualTo("Operation terminated");
              assertThat(state.path("finishedAt").asText()).isNotEmpty();
            });
    assertThat(get(name).at("/status/history").size())
        .as("no history for a terminated sync")
        .isZero();
    await("the running hook is deleted")
        .atMost(Duration.ofSeconds(30))
        .until(() -> client.batch().v1().jobs().inNamespace(namespace).list().getItems().isEmpty());
  }

  private static String phase(String name) {
    return get(name).at("/status/operationState/phase").asText();
  }
}
