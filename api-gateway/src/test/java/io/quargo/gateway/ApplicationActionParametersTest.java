package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Argo's RunResourceActionV2 with {@code resourceActionParameters} ({@code scale}'s replicas),
 * against the app-controller stand-in: a well-formed list is passed on and the action runs; a list
 * of another shape is a 400 problem naming the entry, and app-controller is asked for nothing but
 * reads. That a value reaches the resource is shown end to end by the e2e ResourceActionsUiTest.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class ApplicationActionParametersTest {

  private static final String RUN = "/api/v1/applications/guestbook/resource/actions/v2";

  private static String admin;

  @BeforeEach
  void seed() throws Exception {
    if (admin == null) {
      admin = tokenFor("admin");
    }
    APP_CONTROLLER.reset();
  }

  @Test
  void wellFormedParametersAreAcceptedAndTheActionRuns() {
    Response r = as(admin).body(scale("[{\"name\":\"replicas\",\"value\":\"3\"}]")).post(RUN);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    assertThat(APP_CONTROLLER.storedApp("guestbook").at("/status/lastResourceAction").asText())
        .isEqualTo("scale");
    assertThat(APP_CONTROLLER.requests()).anyMatch(q -> q.startsWith("POST "));
  }

  @Test
  void parametersOfAnotherShapeAreABadRequestNamingTheEntryAndAskNoOne() {
    Map<String, String> cases =
        Map.of(
            "\"3\"", "resourceActionParameters: must be a list",
            "{\"replicas\":\"3\"}", "resourceActionParameters: must be a list",
            "[\"3\"]", "resourceActionParameters[0]: must be an object",
            "[{\"value\":\"3\"}]", "resourceActionParameters[0].name: is required",
            "[{\"name\":\"replicas\",\"value\":3}]", "resourceActionParameters[0].value: must be",
            "[{\"name\":\"replicas\",\"value\":\"3\"},{\"name\":7}]",
                "resourceActionParameters[1].name");
    cases.forEach(
        (parameters, problem) -> {
          Response r = as(admin).body(scale(parameters)).post(RUN);
          assertThat(r.statusCode()).as(parameters + ": " + r.asString()).isEqualTo(400);
          assertThat(r.contentType()).startsWith("application/problem+json");
          assertThat(r.jsonPath().getString("detail")).as(parameters).contains(problem);
        });
    assertThat(APP_CONTROLLER.requests()).allMatch(q -> q.startsWith("GET "));
    assertThat(
            APP_CONTROLLER.storedApp("guestbook").at("/status/lastResourceAction").isMissingNode())
        .isTrue();
  }

  private static String scale(String parameters) {
    return "{\"action\":\"scale\",\"resourceName\":\"guestbook-ui\",\"kind\":\"Deployment\","
        + "\"group\":\"apps\",\"version\":\"v1\",\"namespace\":\"default\","
        + "\"resourceActionParameters\":"
        + parameters
        + "}";
  }
}
