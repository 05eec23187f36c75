package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.gateway.BadInputRoutes.Sample;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every route of the OpenAPI document with bad input: malformed JSON and YAML, missing
 * required fields, wrong types, unknown names and an oversized body. Each answer must be a 4xx
 * problem that says what is wrong, and app-controller must have been asked for no write. A route
 * that is not in {@link BadInputRoutes#ROUTES} fails the walk until someone says what bad input for
 * it is.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class BadInputWalkTest {

  /** One bad request and what makes it bad. */
  record Case(String route, String what, String method, String path, String type, byte[] body) {
    @Override
    public String toString() {
      return route + ": " + what;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRouteAnswersBadInputWithA4xxProblemAndWritesNothing() throws Exception {
    String admin = tokenFor("admin");
    List<Case> cases = new ArrayList<>();
    for (Map.Entry<String, Boolean> route : routes().entrySet()) {
      Sample sample = BadInputRoutes.ROUTES.get(route.getKey());
      if (sample == null) {
        fail(
            "route "
                + route.getKey()
                + " is not in BadInputRoutes.ROUTES: add what bad input for it looks like");
      }
      cases.addAll(cases(route.getKey(), route.getValue(), sample));
    }
    assertThat(cases).hasSizeGreaterThan(60);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c, admin)));
  }

  /** Every "METHOD /path" of the OpenAPI document, and whether it takes a body. */
  private static Map<String, Boolean> routes() {
    JsonNode openapi =
        Json.fromJson(
            given().get("/q/openapi?format=json").then().statusCode(200).extract().asString(),
            JsonNode.class);
    Map<String, Boolean> routes = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
          routes.put(
              op.getKey().toUpperCase() + " " + path.getKey(), op.getValue().has("requestBody"));
        }
      }
    }
    assertThat(routes).containsKey("POST /api/v1/applications");
    return routes;
  }

  private static List<Case> cases(String route, boolean takesBody, Sample sample) {
    String method = route.substring(0, route.indexOf(' '));
    List<Case> out = new ArrayList<>();
    if (takesBody) {
      if (sample.existing() == null || sample.wrongType() == null) {
        fail(
            "route " + route + " takes a body: its Sample needs an existing path and a wrong type");
      }
      String at = sample.existing();
      out.add(new Case(route, "malformed JSON", method, at, "application/json", b("{\"a\": {")));
      out.add(
          new Case(
              route,
              "malformed YAML",
              method,
              at,
              "application/yaml",
              b("metadata:\n  name: x\n bad: [\n")));
      out.add(new Case(route, "a list body", method, at, "application/json", b("[1, 2]")));
      out.add(new Case(route, "a string body", method, at, "application/json", b("\"text\"")));
      out.add(
          new Case(route, "wrong types", method, at, "application/json", b(sample.wrongType())));
      out.add(
          new Case(
              route,
              "wrong types in YAML",
              method,
              at,
              "application/yaml",
              b(Json.toJson(Json.fromJson(sample.wrongType(), JsonNode.class)))));
      if (sample.missing() != null) {
        // with nothing required, no body means the defaults (as an Argo sync request)
        out.add(new Case(route, "no body", method, at, "application/json", new byte[0]));
        out.add(
            new Case(
                route,
                "a missing required field",
                method,
                at,
                "application/json",
                b(sample.missing())));
      }
      out.add(
          new Case(
              route,
              "an oversized body",
              method,
              at,
              "application/json",
              b("{\"metadata\":{\"name\":\"" + "x".repeat(100_000) + "\"}}")));
    }
    if (sample.unknown() != null) {
      out.add(
          new Case(
              route,
              "unknown names",
              method,
              sample.unknown(),
              takesBody ? "application/json" : null,
              takesBody ? b(sample.valid()) : null));
    }
    return out;
  }

  private static void check(Case c, String admin) {
    APP_CONTROLLER.reset();
    var request = given().auth().oauth2(admin).urlEncodingEnabled(false);
    if (c.type() != null) {
      request = request.contentType(c.type()).body(c.body());
    }
    Response response = request.request(c.method(), c.path());
    int status = response.statusCode();
    String body = response.asString();
    assertThat(status).as(c + " answered " + body).isBetween(400, 499);
    assertThat(response.contentType())
        .as(c + " content type")
        .startsWith("application/problem+json");
    JsonNode problem = Json.fromJson(body, JsonNode.class);
    assertThat(problem.path("status").asInt()).as(c + " problem status").isEqualTo(status);
    assertThat(problem.path("detail").asText()).as(c + " problem detail").isNotBlank();
    assertThat(APP_CONTROLLER.requests())
        .as(c + ": app-controller was asked to write")
        .allMatch(r -> r.startsWith("GET "));
  }

  private static byte[] b(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
