package io.quargo.gateway;

import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.sun.net.httpserver.HttpServer;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ID tokens of an OpenID Connect provider configured as {@code quargo.gateway.oidc}: the provider
 * is a loopback HTTP server serving a discovery document and the JWKS of keys made here.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTokenTest.WithOidcProvider.class)
class OidcTokenTest {

  static final String CLIENT_ID = "quargo-ui";

  /** The gateway stand-ins plus a provider, with groups of my-org mapped to roles. */
  public static class WithOidcProvider extends AppControllerStandInResource {
    @Override
    public Map<String, String> start() {
      Map<String, String> config = new HashMap<>(super.start());
      PROVIDER.start();
      config.put("quargo.gateway.oidc.name", "Test SSO");
      config.put("quargo.gateway.oidc.issuer", PROVIDER.issuer());
      config.put("quargo.gateway.oidc.client-id", CLIENT_ID);
      config.put(
          "quargo.gateway.rbac.policy-csv",
          """
          g, my-org:team-a, role:admin
          p, role:other-reader, applications, get, other/*, allow
          g, my-org:team-b, role:other-reader
          """);
      return config;
    }

    @Override
    public void stop() {
      PROVIDER.stop();
      super.stop();
    }
  }

  /** A stand-in OpenID Connect provider on loopback. */
  static final class Provider {
    final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>();
    final List<String> jwksFetches = new CopyOnWriteArrayList<>();
    private HttpServer server;

    synchronized void start() {
      try {
        published.add(key("key-1"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/dex/.well-known/openid-configuration",
          ex ->
              reply(
                  ex,
                  "{\"issuer\":\""
                      + issuer()
                      + "\",\"jwks_uri\":\""
                      + issuer()
                      + "/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
      server.createContext(
          "/dex/keys",
          ex -> {
            jwksFetches.add(Instant.now().toString());
            reply(ex, new JsonWebKeySet(List.copyOf(published)).toJson());
          });
      server.start();
    }

    synchronized void stop() {
      if (server != null) {
        server.stop(0);
      }
    }

    String issuer() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/dex";
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body)
        throws IOException {
      try (ex) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
      }
    }
  }

  static final Provider PROVIDER = new Provider();

  static RsaJsonWebKey key(String kid) {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId(kid);
      key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      key.setUse("sig");
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An ID token for {@code email} in {@code groups}, signed by {@code key}. */
  static String idToken(
      RsaJsonWebKey key, String audience, Instant expiresAt, String email, String... groups) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(PROVIDER.issuer());
    claims.setAudience(audience);
    claims.setSubject("Cg" + email.hashCode());
    claims.setClaim("email", email);
    claims.setStringListClaim("groups", groups);
    claims.setIssuedAtToNow();
    claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expiresAt.getEpochSecond()));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  static String validToken(String email, String... groups) {
    return idToken(
        PROVIDER.published.get(0),
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
        .body("oidcConfig.issuer", is(PROVIDER.issuer()))
        .body("oidcConfig.clientID", is(CLIENT_ID));
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
            PROVIDER.published.get(0),
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
            PROVIDER.published.get(0),
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
    RsaJsonWebKey rotated = key("key-2-" + System.nanoTime());
    PROVIDER.published.add(rotated);
    int fetchesBefore = PROVIDER.jwksFetches.size();
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
    org.assertj.core.api.Assertions.assertThat(PROVIDER.jwksFetches.size())
        .isGreaterThan(fetchesBefore);
  }

  @Test
  void localSessionsStillWork() throws Exception {
    String admin = GatewayApiTest.login("admin", GatewayApiTest.adminPassword());
    given().auth().oauth2(admin).get("/api/v1/applications").then().statusCode(200);
  }
}
