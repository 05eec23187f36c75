package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.RbacMatrixRoutes.APP;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static io.quargo.gateway.support.RbacMatrixPolicy.allowedOnly;
import static io.quargo.gateway.support.RbacMatrixPolicy.deniedOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.gateway.RbacMatrixRoutes.Route;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.gateway.support.SseClient;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Argo CD's RBAC on every gateway route: for each route, the account that has only the action the
 * route needs is allowed, and the account that has every action but that one (a deny line over an
 * allow) is refused with a 403 problem naming the permission, and nothing changed. Then
 * role:readonly, no role at all, globs on project and app, roles through {@code g} lines, a deny
 * line over an allow, {@code override} and the lists that show only what the caller may get. The
 * default role is in {@link RbacDefaultRoleTest}; the routes are in {@link RbacMatrixRoutes}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class RbacMatrixTest {

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @TestHTTPResource("/api/v1/stream/applications")
  URL stream;

  @BeforeEach
  void seed() {
    APP_CONTROLLER.reset();
    ObjectNode ci = (ObjectNode) APP_CONTROLLER.storedProject("default").at("/spec/roles/0");
    ci.putArray("jwtTokens").addObject().put("iat", 100).put("id", "seeded");
    APP_CONTROLLER.requests().clear();
  }

  @ParameterizedTest
  @MethodSource("io.quargo.gateway.RbacMatrixRoutes#guarded")
  void theAccountWithOnlyTheRoutesActionIsAllowed(Route route) throws Exception {
    Response response = call(allowedOnly(route.action()), route);
    assertThat(response.statusCode())
        .as(route + " answered " + response.asString())
        .isBetween(200, 299);
  }

  @ParameterizedTest
  @MethodSource("io.quargo.gateway.RbacMatrixRoutes#guarded")
  void theAccountWithEveryActionButTheRoutesIsRefusedAndNothingChanges(Route route)
      throws Exception {
    assertDenied(deniedOnly(route.action()), route);
  }

  @ParameterizedTest
  @MethodSource("io.quargo.gateway.RbacMatrixRoutes#guarded")
  void readonlyMayGetAndChangesNothing(Route route) throws Exception {
    if (route.reads()) {
      assertThat(call("reader", route).statusCode()).as(route.toString()).isEqualTo(200);
    } else {
      assertDenied("reader", route);
    }
  }

  @ParameterizedTest
  @MethodSource("io.quargo.gateway.RbacMatrixRoutes#guarded")
  void anAccountWithNoRoleIsRefusedEverywhere(Route route) throws Exception {
    assertDenied("nobody", route);
  }

  @ParameterizedTest
  @MethodSource("io.quargo.gateway.RbacMatrixRoutes#open")
  void routesAboutTheCallerAnswerAnAccountWithNoRole(Route route) throws Exception {
    Response response = call("nobody", route);
    assertThat(response.statusCode()).as(route + " answered " + response.asString()).isEqualTo(200);
  }

  @ParameterizedTest
  @MethodSource("io.quargo.gateway.RbacMatrixRoutes#lists")
  void listsShowWhatTheCallerMayGetAndNothingElse(String path) throws Exception {
    List<?> all = as(token("may-get")).get(path).then().statusCode(200).extract().path("items");
    assertThat(all).as(path + " for may-get").isNotEmpty();
    List<?> none =
        as(token("all-but-get")).get(path).then().statusCode(200).extract().path("items");
    assertThat(none).as(path + " for all-but-get").isEmpty();
    List<?> nothing = as(token("nobody")).get(path).then().statusCode(200).extract().path("items");
    assertThat(nothing).as(path + " for nobody").isEmpty();
  }

  @Test
  void theStreamSendsTheAppsTheCallerMayGet() throws Exception {
    // that a caller is sent nothing of an app it may not get: ApplicationStreamTest
    try (SseClient client = SseClient.withBearer(stream.toString(), token("may-get"))) {
      await()
          .untilAsserted(
              () ->
                  assertThat(client.summary())
                      .contains(
                          "ADDED guestbook",
                          "ADDED guestbook-2",
                          "ADDED billing",
                          "ADDED other-app"));
      assertThat(client.status()).isEqualTo(200);
    }
  }

  @Test
  void globsOnProjectAndAppDecideForEveryApplicationRoute() throws Exception {
    // deployer: get default/*, sync default/guest*
    String deployer = token("deployer");
    as(deployer).body("{}").post(APP + "/sync").then().statusCode(200);
    as(deployer).delete("/api/v1/applications/guestbook-2/operation").then().statusCode(200);
    as(deployer).get("/api/v1/applications/billing/manifests").then().statusCode(200);
    as(deployer).get("/api/v1/applications/billing/syncwindows").then().statusCode(200);
    String before = APP_CONTROLLER.snapshot();
    as(deployer).delete("/api/v1/applications/billing/operation").then().statusCode(403);
    as(deployer).body("{}").post("/api/v1/applications/billing/sync").then().statusCode(403);
    as(deployer).get("/api/v1/applications/other-app/manifests").then().statusCode(403);
    as(deployer)
        .body("{\"patch\":\"{}\",\"patchType\":\"merge\"}")
        .patch(APP)
        .then()
        .statusCode(403);
    assertThat(APP_CONTROLLER.snapshot()).isEqualTo(before);
  }

  @Test
  void rolesReachedThroughGLinesGrantTheirPolicies() throws Exception {
    // g, releaser, role:release; g, role:release, role:app-syncer (sync default/*)
    String releaser = token("releaser");
    as(releaser).body("{}").post("/api/v1/applications/billing/sync").then().statusCode(200);
    as(releaser).delete("/api/v1/applications/billing/operation").then().statusCode(200);
    as(releaser).body("{}").post("/api/v1/applications/other-app/sync").then().statusCode(403);
    as(releaser).get("/api/v1/applications/billing").then().statusCode(403);
    as(releaser)
        .get("/api/v1/account/can-i/applications/sync/default/billing")
        .then()
        .statusCode(200)
        .body("value", is("yes"));
  }

  @Test
  void aDenyLineOverridesAnAllowOnEveryRouteOfThatAction() throws Exception {
    // denier: applications * */*, but not sync default/guestbook
    String denier = token("denier");
    String before = APP_CONTROLLER.snapshot();
    as(denier).body("{}").post(APP + "/sync").then().statusCode(403);
    as(denier).body("{\"id\":1}").post(APP + "/rollback").then().statusCode(403);
    as(denier).delete(APP + "/operation").then().statusCode(403);
    assertThat(APP_CONTROLLER.snapshot()).isEqualTo(before);
    as(denier).delete("/api/v1/applications/guestbook-2/operation").then().statusCode(200);
    as(denier)
        .body(
            "{\"patch\":[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"a\":\"b\"}}]}")
        .patch(APP)
        .then()
        .statusCode(200)
        .body("metadata.labels.a", is("b"));
    assertThat(APP_CONTROLLER.storedApp("guestbook").at("/metadata/labels/a").asText())
        .isEqualTo("b");
  }

  @Test
  void runningAResourceActionNeedsThatActionOfThatGroupAndKind() throws Exception {
    String restart = APP + "/resource/actions?resourceName=guestbook-ui&kind=Deployment&group=apps";
    String before = APP_CONTROLLER.snapshot();
    Response paused = as(token("pauser")).body("\"restart\"").post(restart);
    assertThat(paused.statusCode()).as(paused.asString()).isEqualTo(403);
    assertThat(paused.jsonPath().getString("detail"))
        .contains("applications, action/apps/Deployment/restart, default/guestbook");
    Response denied = as(token("restart-denied")).body("{\"action\":\"restart\"}").post(restart);
    assertThat(denied.statusCode()).as(denied.asString()).isEqualTo(403);
    assertThat(APP_CONTROLLER.snapshot()).isEqualTo(before);
    assertThat(APP_CONTROLLER.requests()).allMatch(r -> r.startsWith("GET "));

    as(token("restarter")).body("\"restart\"").post(restart).then().statusCode(200);
    assertThat(APP_CONTROLLER.storedApp("guestbook").at("/status/lastResourceAction").asText())
        .isEqualTo("restart");
    // restarter may restart, not pause; pauser may pause
    as(token("restarter")).body("\"pause\"").post(restart).then().statusCode(403);
    as(token("pauser")).body("\"pause\"").post(restart).then().statusCode(200);
    // action/* allows every action; the deny line refuses only restart of default/guestbook
    as(token("any-action"))
        .body(
            "{\"action\":\"restart\",\"resourceName\":\"guestbook-ui\","
                + "\"kind\":\"Deployment\",\"group\":\"apps\"}")
        .post(APP + "/resource/actions/v2")
        .then()
        .statusCode(200);
    as(token("restart-denied")).body("\"pause\"").post(restart).then().statusCode(200);
    as(token("restart-denied"))
        .body("\"restart\"")
        .post(restart.replace("/guestbook/", "/guestbook-2/"))
        .then()
        .statusCode(200);
    as(token("restarter"))
        .body("\"restart\"")
        .post(restart.replace("/guestbook/", "/other-app/"))
        .then()
        .statusCode(403);
  }

  @Test
  void syncingAnotherRevisionNeedsOverrideAsWellAsSync() throws Exception {
    // quargo.gateway.rbac.require-override-privilege-for-revision-sync=true in these tests
    String other = "{\"revision\":\"v2\"}";
    for (String caller : List.of("may-sync", "all-but-override", "may-override")) {
      Response r = as(token(caller)).body(other).post(APP + "/sync");
      assertThat(r.statusCode()).as(caller + ": " + r.asString()).isEqualTo(403);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(APP_CONTROLLER.requests()).noneMatch(q -> q.startsWith("POST"));
    as(token("may-sync"))
        .body("{\"revision\":\"HEAD\"}")
        .post(APP + "/sync")
        .then()
        .statusCode(200);
    as(token("admin")).body(other).post(APP + "/sync").then().statusCode(200);
  }

  @Test
  void aSyncWithLocalManifestsNeedsOverrideAndIsThenRefusedAsUnsupported() throws Exception {
    String local = "{\"manifests\":[\"{\\\"kind\\\":\\\"ConfigMap\\\"}\"]}";
    as(token("all-but-override"))
        .body(local)
        .post(APP + "/sync")
        .then()
        .statusCode(403)
        .body("detail", containsString("applications, override, default/guestbook"));
    Response r = as(token("admin")).body(local).post(APP + "/sync");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.asString()).contains("manifests");
    assertThat(APP_CONTROLLER.requests()).noneMatch(q -> q.startsWith("POST"));
  }

  private void assertDenied(String user, Route route) throws Exception {
    String token = token(user);
    String before = APP_CONTROLLER.snapshot();
    APP_CONTROLLER.requests().clear();
    Response response = call(token, user, route);
    String what = user + " on " + route + " answered " + response.asString();
    assertThat(response.statusCode()).as(what).isEqualTo(403);
    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    assertThat(response.jsonPath().getString("detail"))
        .as(what)
        .contains("permission denied: " + route.permission());
    assertThat(APP_CONTROLLER.requests()).as(what).allMatch(r -> r.startsWith("GET "));
    assertThat(APP_CONTROLLER.snapshot()).as(what).isEqualTo(before);
  }

  private static Response call(String user, Route route) throws Exception {
    return call(token(user), user, route);
  }

  private static Response call(String token, String user, Route route) {
    var request = as(token).urlEncodingEnabled(false);
    if (route.body() != null) {
      request = request.body(route.body().replace("{user}", user));
    }
    return request.request(route.method(), route.path());
  }

  /** A session token of {@code user}, whose password is {@code pw-<user>}; one per test JVM. */
  private static String token(String user) throws Exception {
    String token = TOKENS.get(user);
    if (token == null) {
      token = tokenFor(user);
      TOKENS.put(user, token);
    }
    return token;
  }
}
