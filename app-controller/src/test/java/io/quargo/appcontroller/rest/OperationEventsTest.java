package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Events Argo CD records on an Application about its operations, as {@code GET .../events}
 * lists them, oldest first: OperationStarted (a user's sync or rollback, or automated to the
 * resolved commit), OperationCompleted (a Warning naming the failure when it failed) and
 * ResourceUpdated for each change of sync and health status.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class OperationEventsTest {

  GitServer git;

  @Test
  void aUsersSyncIsToldFromStartToTheStatusItLeaves() {
    String app = unique("opevents");
    String repo = guestbookRepo(git);
    String sha = git.resolve(repo, "main");
    create(guestbookApp(app, git.url(repo), unique("opevents")));
    await().atMost(Duration.ofSeconds(60)).until(() -> "OutOfSync".equals(syncStatus(app)));

    sync(app, "{\"username\": \"alice\"}");

    await("the sync's events, in order")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(messages(events(app)))
                    .containsSubsequence(
                        "Updated sync status:  -> OutOfSync",
                        "alice initiated sync to main",
                        "Sync operation to " + sha + " succeeded",
                        "Updated sync status: OutOfSync -> Synced"));
    JsonNode list = events(app);
    JsonNode started = byMessage(list, "alice initiated sync to main");
    assertThat(started.path("reason").asText()).isEqualTo("OperationStarted");
    assertThat(started.at("/source/component").asText()).isEqualTo("argocd-server");
    JsonNode completed = byMessage(list, "Sync operation to " + sha + " succeeded");
    assertThat(completed.path("reason").asText()).isEqualTo("OperationCompleted");
    assertThat(completed.path("type").asText()).isEqualTo("Normal");
    assertThat(completed.at("/source/component").asText())
        .isEqualTo("argocd-application-controller");
    assertThat(byMessage(list, "Updated sync status: OutOfSync -> Synced").path("reason").asText())
        .isEqualTo("ResourceUpdated");
    String health = get(app).at("/status/health/status").asText();
    assertThat(messages(list))
        .as("the health status the app reached was told")
        .anyMatch(m -> m.startsWith("Updated health status: ") && m.endsWith("-> " + health));

    long id = get(app).at("/status/history/0/id").asLong();
    given()
        .contentType(ContentType.JSON)
        .body("{\"id\": " + id + ", \"username\": \"alice\"}")
        .post("/api/v1/applications/" + app + "/rollback")
        .then()
        .statusCode(200);
    await("the rollback is told as Argo's API server tells it")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(messages(events(app)))
                    .containsSubsequence(
                        "alice initiated rollback to " + id,
                        "Sync operation to " + sha + " succeeded"));
  }

  @Test
  void aFailedSyncIsAWarningNamingTheFailure() {
    String app = unique("opfailed");
    String repo = guestbookRepo(git);
    String sha = git.resolve(repo, "main");
    String namespace = unique("absent");
    ObjectNode definition = guestbookApp(app, git.url(repo), namespace);
    ((ObjectNode) definition.path("spec")).remove("syncPolicy"); // no CreateNamespace: it fails
    create(definition);

    sync(
        app,
        ("{\"username\": \"bob\", \"resources\": [{\"group\": \"apps\", \"kind\":"
                + " \"Deployment\", \"namespace\": \"%s\", \"name\": \"guestbook-ui\"}]}")
            .formatted(namespace));

    await("the failure is told")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(messages(events(app)))
                    .anyMatch(m -> m.startsWith("Partial sync operation to " + sha + " failed: ")));
    JsonNode list = events(app);
    assertThat(messages(list)).contains("bob initiated partial sync to main");
    JsonNode failed = null;
    for (JsonNode item : list.path("items")) {
      if (item.path("reason").asText().equals("OperationCompleted")) {
        failed = item;
      }
    }
    assertThat(failed).isNotNull();
    assertThat(failed.path("type").asText()).isEqualTo("Warning");
    assertThat(failed.path("message").asText())
        .endsWith(get(app).at("/status/operationState/message").asText());
  }

  @Test
  void anAutomatedSyncIsInitiatedToTheResolvedCommit() {
    String app = unique("opauto");
    String repo = guestbookRepo(git);
    String sha = git.resolve(repo, "main");
    ObjectNode definition = guestbookApp(app, git.url(repo), unique("opauto"));
    ((ObjectNode) definition.path("spec").path("syncPolicy")).putObject("automated");
    create(definition);

    await("the automated sync is told")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(messages(events(app)))
                    .containsSubsequence(
                        "Initiated automated sync to '" + sha + "'",
                        "Sync operation to " + sha + " succeeded"));
    assertThat(
            byMessage(events(app), "Initiated automated sync to '" + sha + "'")
                .at("/source/component")
                .asText())
        .isEqualTo("argocd-application-controller");
  }

  private static void sync(String app, String body) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/applications/" + app + "/sync")
        .then()
        .statusCode(200);
  }

  private static JsonNode events(String app) {
    return AppEventLists.events(app, "");
  }

  private static List<String> messages(JsonNode list) {
    return AppEventLists.each(list, "message");
  }

  private static JsonNode byMessage(JsonNode list, String message) {
    for (JsonNode item : list.path("items")) {
      if (item.path("message").asText().equals(message)) {
        return item;
      }
    }
    throw new AssertionError("no event saying " + message + " in " + list);
  }
}
