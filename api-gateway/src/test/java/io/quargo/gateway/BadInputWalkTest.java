package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
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
 * that is not in {@link #ROUTES} fails the walk until someone says what bad input for it is.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class BadInputWalkTest {

  /**
   * Samples for one route: a path to an existing object (for body cases), a path with unknown names
   * (null when its parameters name nothing stored), a valid body, a body missing a required field
   * (null when nothing is required) and one with a field of the wrong type.
   */
  record Sample(String existing, String unknown, String valid, String missing, String wrongType) {
    static Sample none() {
      return new Sample(null, null, null, null, null);
    }

    static Sample unknownName(String unknown) {
      return new Sample(null, unknown, null, null, null);
    }
  }

  private static final String APP =
      "{\"metadata\":{\"name\":\"guestbook\"},\"spec\":{\"project\":\"default\","
          + "\"source\":{\"repoURL\":\"https://example.test/r.git\",\"path\":\".\"},"
          + "\"destination\":{\"server\":\"https://kubernetes.default.svc\"}}}";
  private static final String NO_REPO = "https%3A%2F%2Fnowhere.test%2Fr.git";
  private static final String IN_CLUSTER = "https%3A%2F%2Fkubernetes.default.svc";

  static final Map<String, Sample> ROUTES =
      Map.ofEntries(
          Map.entry("GET /api/version", Sample.none()),
          Map.entry("GET /api/v1/settings", Sample.none()),
          Map.entry(
              "POST /api/v1/session",
              new Sample(
                  "/api/v1/session",
                  null,
                  null,
                  "{\"password\":\"x\"}",
                  "{\"username\":[\"admin\"],\"password\":1}")),
          Map.entry("DELETE /api/v1/session", Sample.none()),
          Map.entry("GET /api/v1/session/userinfo", Sample.none()),
          Map.entry("GET /api/v1/account", Sample.none()),
          Map.entry(
              "GET /api/v1/account/{name}", Sample.unknownName("/api/v1/account/does-not-exist")),
          Map.entry(
              "POST /api/v1/account/{name}/token",
              new Sample(
                  "/api/v1/account/admin/token",
                  "/api/v1/account/does-not-exist/token",
                  "{\"id\":\"t1\"}",
                  null,
                  "{\"expiresIn\":\"soon\",\"id\":7}")),
          Map.entry(
              "DELETE /api/v1/account/{name}/token/{id}",
              Sample.unknownName("/api/v1/account/admin/token/does-not-exist")),
          Map.entry(
              "PUT /api/v1/account/password",
              new Sample(
                  "/api/v1/account/password",
                  null,
                  null,
                  "{\"currentPassword\":\"x\"}",
                  "{\"currentPassword\":5,\"newPassword\":{\"a\":1}}")),
          // a question about permissions, not a stored name: "no" is its answer
          Map.entry("GET /api/v1/account/can-i/{resource}/{action}/{subresource}", Sample.none()),
          Map.entry("GET /api/v1/applications", Sample.none()),
          Map.entry(
              "POST /api/v1/applications",
              new Sample(
                  "/api/v1/applications",
                  null,
                  null,
                  "{\"spec\":{\"project\":\"default\"}}",
                  "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"source\":\"not-an-object\"}}")),
          Map.entry(
              "GET /api/v1/applications/{name}",
              Sample.unknownName("/api/v1/applications/does-not-exist")),
          Map.entry(
              "PUT /api/v1/applications/{name}",
              new Sample(
                  "/api/v1/applications/guestbook",
                  "/api/v1/applications/does-not-exist",
                  APP,
                  "{\"metadata\":{\"name\":\"guestbook\"}}",
                  "{\"metadata\":{\"name\":\"guestbook\"},\"spec\":{\"destination\":[1]}}")),
          Map.entry(
              "DELETE /api/v1/applications/{name}",
              Sample.unknownName("/api/v1/applications/does-not-exist")),
          Map.entry(
              "POST /api/v1/applications/{name}/sync",
              new Sample(
                  "/api/v1/applications/guestbook/sync",
                  "/api/v1/applications/does-not-exist/sync",
                  "{\"prune\":true}",
                  null,
                  "{\"prune\":\"yes\",\"revision\":5}")),
          Map.entry(
              "POST /api/v1/applications/{name}/rollback",
              new Sample(
                  "/api/v1/applications/guestbook/rollback",
                  "/api/v1/applications/does-not-exist/rollback",
                  "{\"id\":1}",
                  "{\"prune\":true}",
                  "{\"id\":\"latest\"}")),
          Map.entry(
              "POST /api/v1/applications/{name}/refresh",
              Sample.unknownName("/api/v1/applications/does-not-exist/refresh")),
          Map.entry(
              "GET /api/v1/applications/{name}/managed-resources",
              Sample.unknownName("/api/v1/applications/does-not-exist/managed-resources")),
          Map.entry(
              "GET /api/v1/applications/{name}/resource-tree",
              Sample.unknownName("/api/v1/applications/does-not-exist/resource-tree")),
          Map.entry(
              "PATCH /api/v1/applications/{name}",
              new Sample(
                  "/api/v1/applications/guestbook",
                  "/api/v1/applications/does-not-exist",
                  "{\"patch\":\"{}\",\"patchType\":\"merge\"}",
                  "{\"patchType\":\"merge\"}",
                  "{\"patch\":5,\"patchType\":1}")),
          Map.entry(
              "PUT /api/v1/applications/{name}/spec",
              new Sample(
                  "/api/v1/applications/guestbook/spec",
                  "/api/v1/applications/does-not-exist/spec",
                  "{\"project\":\"default\"}",
                  null,
                  "{\"project\":\"default\",\"destination\":[1]}")),
          Map.entry(
              "DELETE /api/v1/applications/{name}/operation",
              Sample.unknownName("/api/v1/applications/does-not-exist/operation")),
          Map.entry(
              "GET /api/v1/applications/{name}/manifests",
              Sample.unknownName("/api/v1/applications/does-not-exist/manifests")),
          Map.entry(
              "GET /api/v1/applications/{name}/diff",
              Sample.unknownName("/api/v1/applications/does-not-exist/diff")),
          Map.entry(
              "GET /api/v1/applications/{name}/resource",
              Sample.unknownName(
                  "/api/v1/applications/does-not-exist/resource?resourceName=x&kind=Pod&version=v1")),
          Map.entry(
              "GET /api/v1/applications/{name}/syncwindows",
              Sample.unknownName("/api/v1/applications/does-not-exist/syncwindows")),
          Map.entry(
              "GET /api/v1/applications/{name}/resource/actions",
              Sample.unknownName(
                  "/api/v1/applications/does-not-exist/resource/actions?resourceName=x&kind=Pod")),
          // Argo's body is the action's name as a JSON string, so a string body is valid here:
          // the existing path names no resource, which every bad body then runs into
          Map.entry(
              "POST /api/v1/applications/{name}/resource/actions",
              new Sample(
                  "/api/v1/applications/guestbook/resource/actions",
                  "/api/v1/applications/does-not-exist/resource/actions"
                      + "?resourceName=guestbook-ui&kind=Deployment&group=apps",
                  "\"restart\"",
                  "{}",
                  "{\"action\":7}")),
          Map.entry(
              "POST /api/v1/applications/{name}/resource/actions/v2",
              new Sample(
                  "/api/v1/applications/guestbook/resource/actions/v2",
                  "/api/v1/applications/does-not-exist/resource/actions/v2",
                  "{\"action\":\"restart\",\"resourceName\":\"guestbook-ui\","
                      + "\"kind\":\"Deployment\",\"group\":\"apps\"}",
                  "{\"resourceName\":\"guestbook-ui\",\"kind\":\"Deployment\"}",
                  "{\"action\":\"restart\",\"resourceName\":[\"guestbook-ui\"],"
                      + "\"kind\":\"Deployment\"}")),
          Map.entry("GET /api/v1/projects", Sample.none()),
          Map.entry(
              "POST /api/v1/projects",
              new Sample(
                  "/api/v1/projects",
                  null,
                  null,
                  "{\"project\":{\"spec\":{}}}",
                  "{\"project\":{\"metadata\":{\"name\":\"x\"},\"spec\":{\"sourceRepos\":{}}}}")),
          Map.entry(
              "GET /api/v1/projects/{name}", Sample.unknownName("/api/v1/projects/does-not-exist")),
          Map.entry(
              "PUT /api/v1/projects/{name}",
              new Sample(
                  "/api/v1/projects/default",
                  "/api/v1/projects/does-not-exist",
                  "{\"project\":{\"metadata\":{\"name\":\"does-not-exist\"},\"spec\":{}}}",
                  "{\"upsert\":true}",
                  "{\"project\":{\"metadata\":{\"name\":\"default\"},"
                      + "\"spec\":{\"destinations\":\"all\"}}}")),
          Map.entry(
              "DELETE /api/v1/projects/{name}",
              Sample.unknownName("/api/v1/projects/does-not-exist")),
          Map.entry(
              "POST /api/v1/projects/{project}/roles/{role}/token",
              new Sample(
                  "/api/v1/projects/default/roles/ci/token",
                  "/api/v1/projects/does-not-exist/roles/ci/token",
                  "{\"id\":\"t1\"}",
                  null,
                  "{\"expiresIn\":\"soon\"}")),
          Map.entry(
              "DELETE /api/v1/projects/{project}/roles/{role}/token/{iat}",
              Sample.unknownName("/api/v1/projects/does-not-exist/roles/ci/token/0")),
          Map.entry("GET /api/v1/repositories", Sample.none()),
          Map.entry(
              "POST /api/v1/repositories",
              new Sample(
                  "/api/v1/repositories",
                  null,
                  null,
                  "{\"username\":\"x\"}",
                  "{\"repo\":\"https://x.test/r.git\",\"insecure\":\"yes\"}")),
          Map.entry(
              "GET /api/v1/repositories/{repo}",
              Sample.unknownName("/api/v1/repositories/" + NO_REPO)),
          Map.entry(
              "DELETE /api/v1/repositories/{repo}",
              Sample.unknownName("/api/v1/repositories/" + NO_REPO)),
          Map.entry("GET /api/v1/clusters", Sample.none()),
          Map.entry(
              "POST /api/v1/clusters",
              new Sample(
                  "/api/v1/clusters",
                  null,
                  null,
                  "{\"name\":\"x\"}",
                  "{\"server\":\"https://x.test\","
                      + "\"config\":{\"tlsClientConfig\":{\"insecure\":\"no\"}}}")),
          Map.entry(
              "GET /api/v1/clusters/{server}", Sample.unknownName("/api/v1/clusters/" + NO_REPO)),
          Map.entry(
              "PUT /api/v1/clusters/{server}",
              new Sample(
                  "/api/v1/clusters/" + IN_CLUSTER,
                  "/api/v1/clusters/" + NO_REPO,
                  "{\"name\":\"n\"}",
                  null,
                  "{\"namespaces\":\"all\"}")),
          Map.entry(
              "DELETE /api/v1/clusters/{server}",
              Sample.unknownName("/api/v1/clusters/" + NO_REPO)),
          Map.entry("GET /api/v1/stream/applications", Sample.none()));

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
      Sample sample = ROUTES.get(route.getKey());
      if (sample == null) {
        fail(
            "route "
                + route.getKey()
                + " is not in BadInputWalkTest.ROUTES: add what bad input for it looks like");
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
