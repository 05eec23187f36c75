package io.quargo.gateway;

import static io.quargo.gateway.OidcProviderResource.provider;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.oidc.TestSigningKey;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ID tokens of an OpenID Connect provider configured as {@code quargo.gateway.oidc}, sent as bearer
 * or cookie: the provider is {@link OidcProviderResource}, a loopback HTTP server.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcProviderResource.class)
class OidcTokenTest {

  static final String CLIENT_ID = OidcProviderResource.CLIENT_ID;

  static TestSigningKey key(String kid) {
    return TestSigningKey.generate(kid);
  }

  /** An ID token for {@code email} in {@code groups}, signed by {@code key}, without a nonce. */
  static String idToken(
      TestSigningKey key, String audience, Instant expiresAt, String email, String... groups) {
    return provider().idToken(key, audience, expiresAt, null, email, List.of(groups));
  }

  static String validToken(String email, String... groups) {
    return idToken(
        provider().keys().get(0),
        CLIENT_ID,
        Instant.now().plus(Duration.ofHours(1)),
        email,
        groups);
  }

  @BeforeEach
  void seed() {
    APP_CONTROLLER.reset();
  }

  @Test
  void settingsNameTheProvider() {
    given()
        .get("/api/v1/settings")
        .then()
        .statusCode(200)
        .body("oidcConfig.name", is("Test SSO"))
        .body("oidcConfig.issuer", is(provider().issuer()))
        .body("oidcConfig.clientID", is(CLIENT_ID))
        .body("oidcConfig.cliClientID", is(OidcProviderResource.CLI_CLIENT_ID));
  }

  @Test
  void aTokenIssuedToTheCliClientIsAccepted() {
    String cli =
        idToken(
            provider().keys().get(0),
            OidcProviderResource.CLI_CLIENT_ID,
            Instant.now().plus(Duration.ofHours(1)),
            "alice@example.com",
            "my-org:team-a");
    given()
        .auth()
        .oauth2(cli)
        .get("/api/v1/session/userinfo")
        .then()
        .statusCode(200)
        .body("loggedIn", is(true))
        .body("username", is("alice@example.com"));
  }

  @Test
  void aGroupMappedToAdminListsAppsAsBearerAndCookie() {
    String token = validToken("alice@example.com", "my-org:team-a");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("items.metadata.name", hasItem("guestbook"))
        .body("items.metadata.name", hasItem("other-app"));
    given()
        .cookie("argocd.token", token)
        .get("/api/v1/session/userinfo")
        .then()
        .statusCode(200)
        .body("loggedIn", is(true))
        .body("username", is("alice@example.com"))
        .body("groups", hasItem("my-org:team-a"));
  }

  @Test
  void anotherGroupIsRefusedWhatItsRoleDoesNotGrant() {
    String token = validToken("bob@example.com", "my-org:team-b");
    given().auth().oauth2(token).get("/api/v1/applications/other-app").then().statusCode(200);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/applications/guestbook")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("bob@example.com"));
  }

  @Test
  void aTokenSignedByAnotherKeyIsA401NamingTheSignature() {
    String forged =
        idToken(
            key("key-1"),
            CLIENT_ID,
            Instant.now().plus(Duration.ofHours(1)),
            "mallory@example.com",
            "my-org:team-a");
    given()
        .auth()
        .oauth2(forged)
        .get("/api/v1/applications")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("signature"));
  }

  @Test
  void anExpiredTokenIsA401NamingExpiry() {
    String expired =
        idToken(
            provider().keys().get(0),
            CLIENT_ID,
            Instant.now().minus(Duration.ofMinutes(10)),
            "alice@example.com",
            "my-org:team-a");
    given()
        .auth()
        .oauth2(expired)
        .get("/api/v1/applications")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("expired"));
  }

  @Test
  void aTokenForAnotherClientIsA401NamingTheAudience() {
    String other =
        idToken(
            provider().keys().get(0),
            "another-client",
            Instant.now().plus(Duration.ofHours(1)),
            "alice@example.com",
            "my-org:team-a");
    given()
        .auth()
        .oauth2(other)
        .get("/api/v1/applications")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("audience (aud)"));
  }

  @Test
  void aRotatedKeyIsFetchedWhenATokenNamesIt() {
    given()
        .auth()
        .oauth2(validToken("alice@example.com", "my-org:team-a"))
        .get("/api/v1/applications")
        .then()
        .statusCode(200);
    TestSigningKey rotated = key("key-2-" + System.nanoTime());
    provider().keys().add(rotated);
    int fetchesBefore = provider().jwksFetches().size();
    String token =
        idToken(
            rotated,
            CLIENT_ID,
            Instant.now().plus(Duration.ofHours(1)),
            "carol@example.com",
            "my-org:team-a");
    // the JWKS is refetched for an unknown kid (at most every few hundred ms, as jose4j throttles)
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> given().auth().oauth2(token).get("/api/v1/applications").then().statusCode(200));
    org.assertj.core.api.Assertions.assertThat(provider().jwksFetches().size())
        .isGreaterThan(fetchesBefore);
  }

  @Test
  void localSessionsStillWork() throws Exception {
    String admin = GatewayApiTest.login("admin", GatewayApiTest.adminPassword());
    given().auth().oauth2(admin).get("/api/v1/applications").then().statusCode(200);
  }
}
