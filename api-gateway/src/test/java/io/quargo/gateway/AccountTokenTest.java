package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.adminPassword;
import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.gateway.account.AccountToken;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's account API tokens: {@code POST /api/v1/account/{name}/token} for oneself or, with
 * {@code accounts, update, <name>}, for another account with the apiKey capability; the token acts
 * with the account's RBAC, is listed by {@code GET /api/v1/account/{name}} and is refused (401)
 * once deleted or when the account is disabled.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
@WithTestResource(AccountTokenAccounts.class)
class AccountTokenTest {

  private static String generate(String caller, String account, Map<String, Object> body) {
    return as(caller)
        .body(body)
        .post("/api/v1/account/" + account + "/token")
        .then()
        .statusCode(200)
        .extract()
        .path("token");
  }

  private static JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return Json.fromJson(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8), JsonNode.class);
  }

  private static List<String> tokenIds(String account) throws Exception {
    return as(tokenFor("admin"))
        .get("/api/v1/account/" + account)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("tokens.id", String.class);
  }

  @Test
  void anAccountGeneratesItsOwnTokenWithoutRbacAndItActsAsTheAccount() throws Exception {
    String session = tokenFor("robot");
    String token = generate(session, "robot", Map.of("id", "robot-ci"));

    JsonNode claims = claims(token);
    assertThat(claims.path("sub").asText()).isEqualTo("robot:apiKey");
    assertThat(claims.path("jti").asText()).isEqualTo("robot-ci");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/session/userinfo")
        .then()
        .statusCode(200)
        .body("loggedIn", is(true))
        .body("username", is("robot"));
    as(token)
        .get("/api/v1/account/robot")
        .then()
        .statusCode(200)
        .body("name", is("robot"))
        .body("enabled", is(true))
        .body("capabilities", is(List.of("login", "apiKey")))
        .body("tokens.id", is(List.of("robot-ci")))
        .body("tokens[0].issuedAt", is(claims.path("iat").asInt()));
    // robot has no role: another account is not its to read
    as(token)
        .get("/api/v1/account/ci")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("accounts, get, ci"));
  }

  @Test
  void aTokenHasTheAccountsRbacAndNoMore() throws Exception {
    String token = generate(tokenFor("reader"), "reader", Map.of("expiresIn", 3600));

    // role:readonly: may read every account, may not create a token for another
    as(token).get("/api/v1/account").then().statusCode(200).body("items.name", hasItem("ci"));
    as(token)
        .body(Map.of())
        .post("/api/v1/account/ci/token")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("accounts, update, ci"));
    as(token)
        .delete("/api/v1/projects/default")
        .then()
        .statusCode(403)
        .body("detail", containsString("projects, delete, default"));
  }

  @Test
  void anotherAccountsTokenNeedsAccountsUpdate() throws Exception {
    String token = generate(tokenFor("may-update"), "ci", Map.of("id", "by-updater"));
    assertThat(claims(token).path("sub").asText()).isEqualTo("ci:apiKey");
    assertThat(tokenIds("ci")).contains("by-updater");

    as(tokenFor("all-but-update"))
        .body(Map.of("id", "by-denied"))
        .post("/api/v1/account/ci/token")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("accounts, update, ci"));
    as(tokenFor("all-but-update"))
        .delete("/api/v1/account/ci/token/by-updater")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    assertThat(tokenIds("ci")).contains("by-updater").doesNotContain("by-denied");
  }

  @Test
  void aDeletedTokenIsRefusedAtItsNextUse() throws Exception {
    String admin = tokenFor("admin");
    String token = generate(admin, "ci", Map.of("id", "short-lived-ci"));
    // used once, so the gateway has it among its verified tokens
    given().auth().oauth2(token).get("/api/v1/session/userinfo").then().body("username", is("ci"));
    as(token).get("/api/v1/account/ci").then().statusCode(200);

    as(admin).delete("/api/v1/account/ci/token/short-lived-ci").then().statusCode(200);

    as(token)
        .get("/api/v1/account/ci")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    assertThat(tokenIds("ci")).doesNotContain("short-lived-ci");
    as(admin)
        .delete("/api/v1/account/ci/token/short-lived-ci")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("short-lived-ci"));
  }

  @Test
  void aTokenDeletedThroughAnotherReplicaIsRefusedHereWithinTheRecheckInterval() throws Exception {
    String token = generate(tokenFor("admin"), "ci", Map.of("id", "other-replica-ci"));
    as(token).get("/api/v1/account/ci").then().statusCode(200);

    // another gateway replica deletes it: only the row goes, this gateway was not asked
    QuarkusTransaction.requiringNew()
        .run(() -> AccountToken.delete("accountName = ?1 and id = ?2", "ci", "other-replica-ci"));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> as(token).get("/api/v1/account/ci").then().statusCode(401));
  }

  @Test
  void anApiKeyOnlyAccountCannotLogInButItsTokensWork() throws Exception {
    String admin = tokenFor("admin");
    as(admin)
        .body(Map.of("name", "ci", "currentPassword", adminPassword(), "newPassword", "pw-of-ci"))
        .put("/api/v1/account/password")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "ci", "password", "pw-of-ci"))
        .post("/api/v1/session")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("login capability"));

    String token = generate(admin, "ci", Map.of());
    assertThat(claims(token).path("jti").asText()).isNotBlank();
    given().auth().oauth2(token).get("/api/v1/session/userinfo").then().body("username", is("ci"));
  }

  @Test
  void anAccountWithoutApiKeyGetsNoToken() throws Exception {
    String admin = tokenFor("admin");
    as(admin)
        .body(Map.of())
        .post("/api/v1/account/deployer/token")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("apiKey"));
    as(admin)
        .get("/api/v1/account/deployer")
        .then()
        .statusCode(200)
        .body("capabilities", is(List.of("login")))
        .body("tokens", empty());
  }

  @Test
  void aDisabledAccountsTokensAreRefused() throws Exception {
    String token = generate(tokenFor("admin"), "frozen", Map.of("id", "frozen-ci"));
    assertThat(tokenIds("frozen")).contains("frozen-ci");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/session/userinfo")
        .then()
        .statusCode(200)
        .body("loggedIn", is(false));
    as(token).get("/api/v1/account/frozen").then().statusCode(401);
  }

  @Test
  void expiresInSetsTheExpiryAndZeroMeansNever() throws Exception {
    String admin = tokenFor("admin");
    JsonNode claims = claims(generate(admin, "ci", Map.of("id", "one-minute", "expiresIn", 60)));
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(60);
    generate(admin, "ci", Map.of("id", "forever"));

    JsonNode ci =
        Json.fromJson(
            as(admin).get("/api/v1/account/ci").then().statusCode(200).extract().asString(),
            JsonNode.class);
    for (JsonNode t : ci.path("tokens")) {
      if (t.path("id").asText().equals("one-minute")) {
        assertThat(t.path("issuedAt").asLong()).isEqualTo(claims.path("iat").asLong());
        assertThat(t.path("expiresAt").asLong()).isEqualTo(claims.path("exp").asLong());
      }
      if (t.path("id").asText().equals("forever")) {
        assertThat(t.has("expiresAt")).as("a token that never expires has no expiresAt").isFalse();
      }
    }
    assertThat(ci.findValuesAsText("id")).contains("one-minute", "forever");
  }

  @Test
  void badBodiesAre400sNamingTheFieldAndStoreNothing() throws Exception {
    String admin = tokenFor("admin");
    for (Object body :
        List.of(
            Map.of("expiresIn", -1, "id", "bad-1"),
            Map.of("expiresIn", "soon", "id", "bad-2"),
            Map.of("expiresIn", 1.5, "id", "bad-3"))) {
      as(admin)
          .body(body)
          .post("/api/v1/account/ci/token")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("expiresIn"))
          .body("errors[0].field", is("expiresIn"));
    }
    as(admin)
        .body(Map.of("id", 7))
        .post("/api/v1/account/ci/token")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("id"));
    as(admin)
        .body("[1]")
        .post("/api/v1/account/ci/token")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertThat(tokenIds("ci")).noneMatch(id -> id.startsWith("bad-"));

    generate(admin, "ci", Map.of("id", "twice"));
    as(admin)
        .body(Map.of("id", "twice"))
        .post("/api/v1/account/ci/token")
        .then()
        .statusCode(409)
        .body("detail", containsString("twice"));
    as(admin)
        .body(Map.of())
        .post("/api/v1/account/nobody-here/token")
        .then()
        .statusCode(404)
        .body("detail", containsString("nobody-here"));
  }
}
