package io.quargo.gateway;

import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class GatewayApiTest {

  @BeforeEach
  void seed() {
    APP_CONTROLLER.reset();
  }

  static String adminPassword() throws Exception {
    return Files.readString(AppControllerStandInResource.passwordFile).strip();
  }

  static String login(String user, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", user, "password", password))
        .post("/api/v1/session")
        .then()
        .statusCode(200)
        .extract()
        .path("token");
  }

  /** Sets {@code user}'s password as admin, then logs in. */
  static String tokenFor(String user) throws Exception {
    String admin = login("admin", adminPassword());
    if (!user.equals("admin")) {
      as(admin)
          .body(
              Map.of("name", user, "currentPassword", adminPassword(), "newPassword", "pw-" + user))
          .put("/api/v1/account/password")
          .then()
          .statusCode(200);
      return login(user, "pw-" + user);
    }
    return admin;
  }

  static RequestSpecification as(String token) {
    return given().contentType(ContentType.JSON).auth().oauth2(token);
  }

  @Test
  void initialPasswordFileIsPrivateAndItsPasswordLogsIn() throws Exception {
    assertThat(Files.getPosixFilePermissions(AppControllerStandInResource.passwordFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(adminPassword()).hasSizeGreaterThanOrEqualTo(20);
    given()
        .auth()
        .oauth2(login("admin", adminPassword()))
        .get("/api/v1/session/userinfo")
        .then()
        .statusCode(200)
        .body("loggedIn", is(true))
        .body("username", is("admin"));
  }

  @Test
  void wrongPasswordIsA401Problem() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "admin", "password", "not-it"))
        .post("/api/v1/session")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", is("Invalid username or password"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "nobody", "password", "x"))
        .post("/api/v1/session")
        .then()
        .statusCode(401);
  }

  @Test
  void everyApiRouteNeedsAValidToken() {
    given()
        .get("/api/v1/applications")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("POST /api/v1/session"));
    given().auth().oauth2("not.a.jwt").get("/api/v1/projects").then().statusCode(401);
    given().get("/api/version").then().statusCode(200).body("Version", containsString("v"));
    given().get("/api/v1/session/userinfo").then().statusCode(200).body("loggedIn", is(false));
    given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/applications"));
    assertThat(APP_CONTROLLER.requests()).isEmpty();
  }

  @Test
  void appControllerProblemsPassThroughWithTheirStatus() throws Exception {
    as(tokenFor("admin"))
        .body(app("guestbook", "default"))
        .post("/api/v1/applications")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", is("refused by the stand-in"));
  }

  @Test
  void theArgoCookieWorksAndLogoutRevokesTheToken() throws Exception {
    String token = tokenFor("admin");
    given().cookie("argocd.token", token).get("/api/v1/applications").then().statusCode(200);
    as(token).delete("/api/v1/session").then().statusCode(200);
    as(token).get("/api/v1/applications").then().statusCode(401);
  }

  @Test
  void adminCanDoEverything() throws Exception {
    String admin = tokenFor("admin");
    as(admin)
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("items.metadata.name", contains("billing", "guestbook", "guestbook-2", "other-app"));
    as(admin).get("/api/v1/applications/guestbook").then().statusCode(200);
    as(admin)
        .get("/api/v1/applications/guestbook/resource-tree")
        .then()
        .statusCode(200)
        .body("nodes.kind", hasItem("Deployment"));
    as(admin).get("/api/v1/applications/guestbook/managed-resources").then().statusCode(200);
    as(admin)
        .body(Map.of("prune", true, "username", "mallory"))
        .post("/api/v1/applications/guestbook/sync")
        .then()
        .statusCode(200)
        .body("operation.sync.prune", is(true))
        // the gateway names the caller as the initiator, whatever the body claims
        .body("operation.initiatedBy.username", is("admin"));
    as(admin).body(app("new-app", "other")).post("/api/v1/applications").then().statusCode(200);
    as(admin)
        .body(app("new-app", "other"))
        .put("/api/v1/applications/new-app")
        .then()
        .statusCode(200);
    as(admin).delete("/api/v1/applications/new-app").then().statusCode(200);
    as(admin).get("/api/v1/applications/new-app").then().statusCode(404);
    as(admin)
        .body(Map.of("project", Map.of("metadata", Map.of("name", "team"))))
        .post("/api/v1/projects")
        .then()
        .statusCode(200);
    as(admin).get("/api/v1/projects/team").then().statusCode(200);
    as(admin).delete("/api/v1/projects/team").then().statusCode(200);
    as(admin).get("/api/v1/account").then().statusCode(200).body("items.name", hasItem("reader"));
    assertThat(APP_CONTROLLER.requests()).contains("POST /api/v1/applications/guestbook/sync");
  }

  @Test
  void readonlyCanGetButNotChange() throws Exception {
    String reader = tokenFor("reader");
    as(reader).get("/api/v1/applications/guestbook").then().statusCode(200);
    as(reader).get("/api/v1/projects/default").then().statusCode(200);
    as(reader)
        .body(Map.of())
        .post("/api/v1/applications/guestbook/sync")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("applications, sync, default/guestbook"));
    as(reader)
        .body(app("x", "default"))
        .post("/api/v1/applications")
        .then()
        .statusCode(403)
        .body("detail", containsString("applications, create, default/x"));
    as(reader).delete("/api/v1/applications/guestbook").then().statusCode(403);
    as(reader).delete("/api/v1/projects/default").then().statusCode(403);
    as(reader)
        .get("/api/v1/account/can-i/applications/sync/default/guestbook")
        .then()
        .body("value", is("no"));
    as(reader)
        .get("/api/v1/account/can-i/applications/get/default/guestbook")
        .then()
        .body("value", is("yes"));
    assertThat(APP_CONTROLLER.requests())
        .doesNotContain("POST /api/v1/applications/guestbook/sync");
  }

  @Test
  void aGlobRoleSyncsGuestAppsOnlyAndListsOnlyWhatItMayGet() throws Exception {
    String deployer = tokenFor("deployer");
    as(deployer).body(Map.of()).post("/api/v1/applications/guestbook/sync").then().statusCode(200);
    as(deployer)
        .body(Map.of())
        .post("/api/v1/applications/billing/sync")
        .then()
        .statusCode(403)
        .body("detail", containsString("applications, sync, default/billing"));
    as(deployer)
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("items.metadata.name", contains("billing", "guestbook", "guestbook-2"));
    as(deployer).get("/api/v1/applications/other-app").then().statusCode(403);
    as(deployer).get("/api/v1/projects").then().statusCode(200).body("items", not(hasItem("x")));
  }

  @Test
  void denyWinsOverAllow() throws Exception {
    String denier = tokenFor("denier");
    as(denier).body(Map.of()).post("/api/v1/applications/guestbook-2/sync").then().statusCode(200);
    as(denier).body(Map.of()).post("/api/v1/applications/guestbook/sync").then().statusCode(403);
  }

  @Test
  void aProjectRoleTokenWorksForItsProjectOnlyUntilRevoked() throws Exception {
    var other = APP_CONTROLLER.storedProject("other");
    var role =
        ((com.fasterxml.jackson.databind.node.ObjectNode) other.get("spec"))
            .putArray("roles")
            .addObject();
    role.put("name", "ci");
    role.putArray("policies")
        .add("p, proj:other:ci, applications, sync, other/*, allow")
        .add("p, proj:other:ci, applications, get, other/*, allow")
        .add("p, proj:other:ci, applications, get, default/*, allow");
    String admin = tokenFor("admin");
    String token =
        as(admin)
            .body(Map.of("id", "ci-token-1"))
            .post("/api/v1/projects/other/roles/ci/token")
            .then()
            .statusCode(200)
            .extract()
            .path("token");
    assertThat(APP_CONTROLLER.storedProject("other").toString()).contains("ci-token-1");

    as(token).body(Map.of()).post("/api/v1/applications/other-app/sync").then().statusCode(200);
    as(token).body(Map.of()).post("/api/v1/applications/guestbook/sync").then().statusCode(403);
    // a project role's policy on another project's objects is ignored
    as(token).get("/api/v1/applications/guestbook").then().statusCode(403);
    as(token)
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("items.metadata.name", contains("other-app"));

    as(admin)
        .queryParam("id", "ci-token-1")
        .delete("/api/v1/projects/other/roles/ci/token/0")
        .then()
        .statusCode(200);
    as(token).body(Map.of()).post("/api/v1/applications/other-app/sync").then().statusCode(403);
  }

  @Test
  void afterAPasswordChangeTheOldPasswordFails() throws Exception {
    String changer = tokenFor("changer");
    as(changer)
        .body(Map.of("currentPassword", "wrong", "newPassword", "a-new-password"))
        .put("/api/v1/account/password")
        .then()
        .statusCode(400)
        .body("detail", containsString("currentPassword"));
    as(changer)
        .body(Map.of("currentPassword", "pw-changer", "newPassword", "a-new-password"))
        .put("/api/v1/account/password")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "changer", "password", "pw-changer"))
        .post("/api/v1/session")
        .then()
        .statusCode(401);
    // the change ended the session it was made with: the next call needs a new login
    as(changer).get("/api/v1/account/changer").then().statusCode(401);
    String renewed = login("changer", "a-new-password");
    // changing someone else's password needs accounts update
    as(renewed)
        .body(
            Map.of(
                "name", "reader", "currentPassword", "a-new-password", "newPassword", "12345678"))
        .put("/api/v1/account/password")
        .then()
        .statusCode(403);
  }

  @Test
  void aDisabledAccountCannotLogIn() throws Exception {
    String admin = tokenFor("admin");
    as(admin)
        .body(
            Map.of(
                "name", "locked", "currentPassword", adminPassword(), "newPassword", "pw-locked"))
        .put("/api/v1/account/password")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "locked", "password", "pw-locked"))
        .post("/api/v1/session")
        .then()
        .statusCode(401)
        .body("detail", containsString("disabled"));
  }

  @Test
  void anOversizedBodyIsA413Problem() throws Exception {
    String big = "{\"metadata\":{\"name\":\"" + "x".repeat(100_000) + "\"}}";
    as(tokenFor("admin"))
        .body(big)
        .post("/api/v1/applications")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("max-body-size"));
  }

  @Test
  void malformedJsonIsA400Problem() throws Exception {
    as(tokenFor("admin"))
        .body("{\"metadata\": {")
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("JSON"));
    assertThat(APP_CONTROLLER.requests()).doesNotContain("POST /api/v1/applications");
  }

  @Test
  void appControllerDownIsA503Problem() throws Exception {
    String admin = tokenFor("admin");
    APP_CONTROLLER.stop();
    try {
      as(admin)
          .get("/api/v1/applications")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .body("detail", containsString("app-controller is not reachable"));
    } finally {
      APP_CONTROLLER.start();
    }
    as(admin).get("/api/v1/applications").then().statusCode(200);
  }

  private static Map<String, Object> app(String name, String project) {
    return Map.of(
        "metadata",
        Map.of("name", name),
        "spec",
        Map.of(
            "project",
            project,
            "source",
            Map.of("repoURL", "https://example.test/r.git", "path", "."),
            "destination",
            Map.of("server", "https://kubernetes.default.svc", "namespace", "default")));
  }
}
