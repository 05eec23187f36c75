package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.common.json.Json;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sync request's {@code strategy} and {@code retryStrategy}: recorded in {@code
 * status.operationState.operation} as Argo records them, the request's retries used instead of the
 * app's, a forced sync of ordinary objects succeeds, malformed fields get a 400 naming them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class SyncStrategyRoutesTest {

  GitServer git;

  @Test
  void theRequestsRetryStrategyRetriesAFailingSyncAndIsRecorded() throws Exception {
    String name = unique("retry");
    ObjectNode app = guestbookApp(name, git.url(guestbookRepo(git)), unique("absent"));
    ((ObjectNode) app.path("spec")).remove("syncPolicy"); // no CreateNamespace: the sync fails
    create(app);

    sync(
        name,
        """
        {"strategy": {"apply": {"force": true}},
         "retryStrategy": {"limit": 2,
                           "backoff": {"duration": "10ms", "factor": 1, "maxDuration": "20ms"}}}
        """);

    await("the sync fails after two retries")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode state = get(name).at("/status/operationState");
              assertThat(state.path("phase").asText()).isEqualTo("Failed");
              assertThat(state.path("retryCount").asLong()).isEqualTo(2);
            });
    JsonNode operation = get(name).at("/status/operationState/operation");
    assertThat(operation.path("retry"))
        .isEqualTo(
            Json.mapper()
                .readTree(
                    "{\"limit\":2,\"backoff\":"
                        + "{\"duration\":\"10ms\",\"factor\":1,\"maxDuration\":\"20ms\"}}"));
    assertThat(operation.at("/sync/syncStrategy"))
        .isEqualTo(Json.mapper().readTree("{\"apply\":{\"force\":true}}"));
  }

  @Test
  void withoutARetryStrategyTheAppsPolicyIsRecordedAndAForcedSyncSucceeds() throws Exception {
    String name = unique("forced");
    ObjectNode app = guestbookApp(name, git.url(guestbookRepo(git)), unique("forced"));
    ((ObjectNode) app.path("spec").path("syncPolicy")).putObject("retry").put("limit", 1);
    create(app);

    sync(name, "{\"strategy\": {\"hook\": {\"force\": true}}}");

    await("the forced sync succeeds")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(get(name).at("/status/operationState/phase").asText())
                    .isEqualTo("Succeeded"));
    JsonNode operation = get(name).at("/status/operationState/operation");
    assertThat(operation.at("/retry/limit").asLong()).isEqualTo(1);
    assertThat(operation.at("/sync/syncStrategy"))
        .isEqualTo(Json.mapper().readTree("{\"hook\":{\"force\":true}}"));
  }

  @Test
  void malformedStrategiesAreRefusedNamingTheField() {
    String name = unique("badstrategy");
    create(guestbookApp(name, git.url(guestbookRepo(git)), unique("bad")));

    refused(name, "{\"strategy\": \"apply\"}", "strategy", "must be an object");
    refused(name, "{\"strategy\": {\"replace\": {}}}", "strategy", "strategy.replace is not");
    refused(
        name,
        "{\"retryStrategy\": {\"backoff\": {\"duration\": \"soon\"}}}",
        "retryStrategy.backoff.duration",
        "\"soon\" is not a duration");
    refused(name, "{\"retryStrategy\": {\"limit\": \"two\"}}", "retryStrategy", "whole numbers");
    assertThat(get(name).at("/status/operationState").isMissingNode())
        .as("a refused request starts nothing")
        .isTrue();
  }

  private static void sync(String name, String body) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
  }

  private static void refused(String name, String body, String field, String message) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field))
        .body("errors[0].message", containsString(message));
  }
}
