package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.read;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Argo's {@code retryStrategy.refresh}: a sync fails (its namespace does not exist and nothing
 * creates it), a commit that adds the Namespace lands while it retries; with {@code refresh: true}
 * (the request's, or the app's {@code syncPolicy.retry}) a retry syncs that new commit and
 * succeeds, without it every retry syncs the commit first resolved and the sync fails.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class SyncRetryRefreshTest {

  private static final String RETRY_FOREVER =
      "{\"limit\": -1, \"backoff\": {\"duration\": \"200ms\", \"factor\": 1},"
          + " \"refresh\": true}";

  GitServer git;

  @Test
  void aRefreshingRetrySyncsTheCommitThatLandedMeanwhile() {
    Failing app = failingApp(null);

    sync(app.name, "{\"retryStrategy\": " + RETRY_FOREVER + "}");
    String fix = fixOnceRetrying(app);

    succeedsAt(app, fix);
    assertThat(get(app.name).at("/status/operationState/operation/retry/refresh").asBoolean())
        .as("recorded as asked")
        .isTrue();
  }

  @Test
  void theAppsRetryPolicyRefreshesToo() {
    Failing app = failingApp(RETRY_FOREVER);

    sync(app.name, "{}");
    String fix = fixOnceRetrying(app);

    succeedsAt(app, fix);
  }

  @Test
  void withoutRefreshEveryRetrySyncsTheCommitFirstResolved() {
    Failing app = failingApp(null);

    sync(
        app.name,
        "{\"retryStrategy\": {\"limit\": 3, \"backoff\": {\"duration\": \"200ms\", \"factor\":"
            + " 1}}}");
    fixOnceRetrying(app);

    await("the retries end failed")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode state = get(app.name).at("/status/operationState");
              assertThat(state.path("phase").asText()).isEqualTo("Failed");
              assertThat(state.path("retryCount").asLong()).isEqualTo(3);
            });
    assertThat(get(app.name).at("/status/operationState/syncResult/revision").asText())
        .isEqualTo(app.first);
  }

  private record Failing(String name, String repo, String namespace, String first) {}

  /** The guestbook into a namespace that does not exist, without CreateNamespace. */
  private Failing failingApp(String appRetry) {
    String name = unique("retryrefresh");
    String repo = guestbookRepo(git);
    String namespace = unique("later");
    ObjectNode app = guestbookApp(name, git.url(repo), namespace);
    ObjectNode spec = (ObjectNode) app.path("spec");
    spec.remove("syncPolicy");
    if (appRetry != null) {
      spec.putObject("syncPolicy").set("retry", read(appRetry));
    }
    create(app);
    return new Failing(name, repo, namespace, git.resolve(repo, "main"));
  }

  /** Once the first attempt failed and a retry is due, commits the Namespace; returns the sha. */
  private String fixOnceRetrying(Failing app) {
    await("the first attempt fails and a retry is due")
        .atMost(Duration.ofSeconds(60))
        .until(() -> get(app.name).at("/status/operationState/retryCount").asLong() >= 1);
    return git.commit(
        app.repo,
        Map.of(
            "guestbook/namespace.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + app.namespace + "\n"),
        "the namespace");
  }

  private static void succeedsAt(Failing app, String fix) {
    await("a retry syncs the fix")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode state = get(app.name).at("/status/operationState");
              assertThat(state.path("phase").asText()).isEqualTo("Succeeded");
              assertThat(state.at("/syncResult/revision").asText()).isEqualTo(fix);
            });
  }

  private static void sync(String name, String body) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
  }
}
