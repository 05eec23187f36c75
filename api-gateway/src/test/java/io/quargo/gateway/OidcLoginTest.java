package io.quargo.gateway;

import static io.quargo.gateway.OidcBrowser.location;
import static io.quargo.gateway.OidcBrowser.setCookie;
import static io.quargo.gateway.OidcProviderResource.provider;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static io.quargo.testkit.oidc.FormFields.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.gateway.auth.RevokedToken;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.oidc.FormFields;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser's login through the OIDC provider ({@code /auth/login}, the provider, {@code
 * /auth/callback}) and OIDC logout, each redirect followed by hand, against {@link
 * OidcProviderResource}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcProviderResource.class)
class OidcLoginTest {

  @TestHTTPResource("/")
  URI gateway;

  /** A login up to the provider sending the browser back: the URLs it went through. */
  record AtCallback(OidcBrowser browser, HttpResponse<String> login, URI authorize, URI callback) {}

  @BeforeEach
  void seed() {
    APP_CONTROLLER.reset();
    provider().nonceOverride(null);
  }

  @AfterEach
  void honestProvider() {
    provider().nonceOverride(null);
  }

  /** Starts a login at the gateway and logs in at the provider as {@code user}. */
  AtCallback toCallback(String returnUrl, String user) {
    OidcBrowser browser = new OidcBrowser(gateway);
    HttpResponse<String> login =
        browser.get("/auth/login" + (returnUrl == null ? "" : "?return_url=" + encode(returnUrl)));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
    URI authorize = location(login);
    HttpResponse<String> atProvider = browser.get(authorize + "&login_hint=" + encode(user));
    assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
    return new AtCallback(browser, login, authorize, location(atProvider));
  }

  /** A whole login as {@code user}; the browser holds the argocd.token cookie after it. */
  OidcBrowser loggedIn(String user) {
    AtCallback at = toCallback("/", user);
    HttpResponse<String> back = at.browser().get(at.callback().toString());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
    assertThat(at.browser().cookie("argocd.token")).isPresent();
    return at.browser();
  }

  @Test
  void theCodeFlowLogsInAndTheUsersGroupDecidesWhatItMayDo() throws IOException {
    AtCallback at = toCallback("/#/applications/other-app", "bob@example.com");

    // the gateway sent the browser to the provider's authorization endpoint with PKCE and a nonce
    assertThat(at.authorize().toString()).startsWith(provider().issuer() + "/auth?");
    Map<String, String> asked = query(at.authorize());
    assertThat(asked)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", OidcProviderResource.CLIENT_ID)
        .containsEntry("redirect_uri", gateway.resolve("/auth/callback").toString())
        .containsEntry("scope", "openid profile email groups")
        .containsEntry("code_challenge_method", "S256");
    assertThat(asked.get("state")).hasSizeGreaterThanOrEqualTo(43);
    assertThat(asked.get("nonce")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(asked.get("state"));
    String stateCookie = setCookie(at.login(), "argocd.oauthstate").orElseThrow();
    assertThat(stateCookie.toLowerCase())
        .contains("httponly")
        .contains("samesite=lax")
        .contains("path=/auth")
        .contains("max-age=300");

    HttpResponse<String> back = at.browser().get(at.callback().toString());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
    URI landed = location(back);
    assertThat(landed.getAuthority()).isEqualTo(gateway.getAuthority());
    assertThat(landed.getPath()).isEqualTo("/");
    assertThat(landed.getFragment()).isEqualTo("/applications/other-app");

    // the code was exchanged with the verifier of the challenge sent, which the cookie hides
    Map<String, String> exchanged =
        provider().tokenRequests().get(provider().tokenRequests().size() - 1);
    String verifier = exchanged.get("code_verifier");
    assertThat(FormFields.s256(verifier)).isEqualTo(asked.get("code_challenge"));
    String sealed = stateCookie.substring("argocd.oauthstate=".length()).split(";")[0];
    assertThat(new String(Base64.getUrlDecoder().decode(sealed), StandardCharsets.ISO_8859_1))
        .doesNotContain(verifier)
        .doesNotContain(asked.get("state"));

    // the ID token is the session cookie, for as long as the token is valid
    String tokenCookie = setCookie(back, "argocd.token").orElseThrow().toLowerCase();
    assertThat(tokenCookie).contains("httponly").contains("samesite=lax").contains("path=/");
    long maxAge = Long.parseLong(tokenCookie.replaceAll(".*max-age=(\\d+).*", "$1"));
    assertThat(maxAge).isBetween(3500L, 3600L);
    assertThat(at.browser().cookie("argocd.oauthstate")).isEmpty();

    // bob's group may get apps of project other, and nothing else
    HttpResponse<String> apps = at.browser().get("/api/v1/applications");
    assertThat(apps.statusCode()).as(apps.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    Json.mapper()
        .readTree(apps.body())
        .path("items")
        .forEach(a -> names.add(a.at("/metadata/name").asText()));
    assertThat(names).containsExactly("other-app");
    HttpResponse<String> guestbook = at.browser().get("/api/v1/applications/guestbook");
    assertThat(guestbook.statusCode()).as(guestbook.body()).isEqualTo(403);

    JsonNode me = Json.mapper().readTree(at.browser().get("/api/v1/session/userinfo").body());
    assertThat(me.path("loggedIn").asBoolean()).isTrue();
    assertThat(me.path("username").asText()).isEqualTo("bob@example.com");
    assertThat(me.path("iss").asText()).isEqualTo(provider().issuer());
    assertThat(me.path("groups").toString()).isEqualTo("[\"my-org:team-b\"]");
  }

  @Test
  void aCallbackWithAnotherStateIsA400NamingTheState() throws IOException {
    AtCallback at = toCallback("/", "alice@example.com");
    String code = query(at.callback()).get("code");

    HttpResponse<String> forged =
        at.browser().get("/auth/callback?code=" + encode(code) + "&state=forged-state");
    assertProblem(forged, 400, "state");
    assertThat(Json.mapper().readTree(forged.body()).at("/errors/0/field").asText())
        .isEqualTo("state");
    assertThat(setCookie(forged, "argocd.token")).isEmpty();

    HttpResponse<String> otherBrowser = new OidcBrowser(gateway).get(at.callback().toString());
    assertProblem(otherBrowser, 400, "argocd.oauthstate cookie is missing");

    // the same callback with its own state in the browser that started the login succeeds
    HttpResponse<String> genuine = at.browser().get(at.callback().toString());
    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(303);
  }

  @Test
  void theProvidersErrorIsA401NamingIt() {
    AtCallback at = toCallback("/", OidcProviderResource.DECLINES);
    assertThat(query(at.callback())).containsEntry("error", "access_denied");
    HttpResponse<String> back = at.browser().get(at.callback().toString());
    assertProblem(back, 401, "access_denied: The user declines@example.com declined the consent");
    assertThat(at.browser().cookie("argocd.token")).isEmpty();
  }

  @Test
  void anIdTokenWithAnotherNonceIsA401() {
    AtCallback at = toCallback("/", "alice@example.com");
    provider().nonceOverride("the-nonce-of-another-login");
    HttpResponse<String> back = at.browser().get(at.callback().toString());
    assertProblem(back, 401, "nonce is not the one this login sent");
    assertThat(at.browser().cookie("argocd.token")).isEmpty();
  }

  @Test
  void aReplayedCallbackIsA401NamingTheProvidersRefusal() {
    AtCallback at = toCallback("/", "alice@example.com");
    OidcBrowser.Cookie state = at.browser().cookie("argocd.oauthstate").orElseThrow();
    assertThat(at.browser().get(at.callback().toString()).statusCode()).isEqualTo(303);

    at.browser().putCookie(state);
    HttpResponse<String> replay = at.browser().get(at.callback().toString());
    assertProblem(replay, 401, "invalid_grant: the code is unknown or was already used");
  }

  @Test
  void aReturnUrlOffTheGatewayLandsOnItsRoot() {
    for (String elsewhere :
        List.of(
            "https://evil.example/steal",
            "//evil.example/steal",
            "/\\evil.example/steal",
            "javascript:alert(1)",
            "/\r\nSet-Cookie: argocd.token=x")) {
      AtCallback at = toCallback(elsewhere, "alice@example.com");
      HttpResponse<String> back = at.browser().get(at.callback().toString());
      assertThat(back.statusCode()).as(elsewhere + ": " + back.body()).isEqualTo(303);
      assertThat(location(back)).as(elsewhere).isEqualTo(gateway.resolve("/"));
    }
    AtCallback kept = toCallback("/#/applications?proj=other", "alice@example.com");
    assertThat(location(kept.browser().get(kept.callback().toString())))
        .isEqualTo(gateway.resolve("/#/applications?proj=other"));
  }

  @Test
  void logoutRefusesThatTokenFromThenOnAndNamesTheProvidersLogout() throws IOException {
    OidcBrowser browser = loggedIn("alice@example.com");
    String token = browser.cookie("argocd.token").orElseThrow().value();
    given().auth().oauth2(token).get("/api/v1/applications").then().statusCode(200);
    long revokedBefore = revokedCount();

    HttpResponse<String> out = browser.send("DELETE", "/api/v1/session");
    assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
    String logoutUrl = Json.mapper().readTree(out.body()).path("logoutURL").asText();
    assertThat(logoutUrl).startsWith(provider().endSessionEndpoint() + "?");
    assertThat(query(URI.create(logoutUrl)))
        .containsEntry("id_token_hint", token)
        .containsEntry(
            "post_logout_redirect_uri", gateway.resolve("/").toString().replaceAll("/$", ""))
        .containsEntry("client_id", OidcProviderResource.CLIENT_ID);
    assertThat(setCookie(out, "argocd.token").orElseThrow()).containsIgnoringCase("max-age=0");
    assertThat(browser.cookie("argocd.token")).isEmpty();

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/applications")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("ended by logout"));
    given()
        .cookie("argocd.token", token)
        .get("/api/v1/session/userinfo")
        .then()
        .body("loggedIn", is(false));
    assertThat(revokedCount()).isEqualTo(revokedBefore + 1);

    // a new login of the same user is a new token, which is accepted
    HttpResponse<String> again = loggedIn("alice@example.com").get("/api/v1/applications");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
  }

  @Test
  void aLocalSessionsLogoutNamesNoProviderLogout() throws Exception {
    String admin = GatewayApiTest.login("admin", GatewayApiTest.adminPassword());
    given()
        .auth()
        .oauth2(admin)
        .delete("/api/v1/session")
        .then()
        .statusCode(200)
        .body("logoutURL", org.hamcrest.Matchers.nullValue());
    given().auth().oauth2(admin).get("/api/v1/applications").then().statusCode(401);
  }

  @Test
  void settingsTellTheUiSsoIsThereAndUserinfoOfNobodyIsLoggedOut() {
    given()
        .get("/api/v1/settings")
        .then()
        .statusCode(200)
        .body("oidcConfig.name", is("Test SSO"))
        .body("oidcConfig.issuer", is(provider().issuer()))
        .body("oidcConfig.clientID", is(OidcProviderResource.CLIENT_ID))
        .body(
            "oidcConfig.scopes",
            org.hamcrest.Matchers.contains("openid", "profile", "email", "groups"))
        .body("oidcConfig.enablePKCEAuthentication", is(true));
    given()
        .get("/api/v1/session/userinfo")
        .then()
        .statusCode(200)
        .body("loggedIn", is(false))
        .body("username", org.hamcrest.Matchers.nullValue());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    try {
      assertThat(Json.mapper().readTree(response.body()).path("detail").asText()).contains(detail);
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  private static long revokedCount() {
    return QuarkusTransaction.requiringNew().call(() -> RevokedToken.count());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
