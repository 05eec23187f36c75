package io.quargo.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quargo.common.json.Json;
import io.quargo.gateway.support.AppControllerStandInResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A stand-in OpenID Connect provider on loopback for the OIDC tests: a discovery document, the JWKS
 * of keys made here, an authorization endpoint that logs in the user named by {@code login_hint} at
 * once, and a token endpoint that checks the client secret, the redirect URI and the PKCE verifier
 * before it answers with an ID token carrying the login's nonce.
 */
final class OidcTestProvider {

  static final String CLIENT_ID = "quargo-ui";
  static final String CLIENT_SECRET = "test-client-secret";

  /** The CLI's public client ({@code cli-client-id}), whose tokens the gateway accepts too. */
  static final String CLI_CLIENT_ID = "quargo-cli";

  /** Users who can log in, with their groups. */
  static final Map<String, List<String>> USERS =
      Map.of(
          "alice@example.com", List.of("my-org:team-a"),
          "bob@example.com", List.of("my-org:team-b"));

  /** A {@code login_hint} for a user who declines consent (the provider answers with an error). */
  static final String DECLINES = "declines@example.com";

  /** The provider of this test JVM. */
  static final OidcTestProvider PROVIDER = new OidcTestProvider();

  /** The gateway stand-ins plus this provider, with groups of my-org mapped to roles. */
  public static class Resource extends AppControllerStandInResource {
    @Override
    public Map<String, String> start() {
      Map<String, String> config = new HashMap<>(super.start());
      PROVIDER.start();
      config.put("quargo.gateway.oidc.name", "Test SSO");
      config.put("quargo.gateway.oidc.issuer", PROVIDER.issuer());
      config.put("quargo.gateway.oidc.client-id", CLIENT_ID);
      config.put("quargo.gateway.oidc.client-secret", CLIENT_SECRET);
      config.put("quargo.gateway.oidc.cli-client-id", CLI_CLIENT_ID);
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

  private record Grant(String redirectUri, String challenge, String nonce, String email) {}

  final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>();
  final List<String> jwksFetches = new CopyOnWriteArrayList<>();

  /** The form of each token request, as received. */
  final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

  /** When set, the nonce the next ID tokens carry instead of the login's. */
  final AtomicReference<String> nonceOverride = new AtomicReference<>();

  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private HttpServer server;

  synchronized void start() {
    try {
      published.add(key("key-1"));
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/dex/.well-known/openid-configuration", this::discovery);
    server.createContext(
        "/dex/keys",
        ex -> {
          jwksFetches.add(Instant.now().toString());
          reply(ex, 200, new JsonWebKeySet(List.copyOf(published)).toJson());
        });
    server.createContext("/dex/auth", this::authorize);
    server.createContext("/dex/token", this::token);
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

  String endSessionEndpoint() {
    return issuer() + "/logout";
  }

  private void discovery(HttpExchange ex) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer());
    doc.put("authorization_endpoint", issuer() + "/auth");
    doc.put("token_endpoint", issuer() + "/token");
    doc.put("jwks_uri", issuer() + "/keys");
    doc.put("end_session_endpoint", endSessionEndpoint());
    doc.put("response_types_supported", List.of("code"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    reply(ex, 200, Json.toJson(doc));
  }

  /** Logs in {@code login_hint} at once and sends the browser back with a code (or an error). */
  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> q = form(ex.getRequestURI().getRawQuery());
    String redirect = q.get("redirect_uri");
    if (!CLIENT_ID.equals(q.get("client_id"))
        || redirect == null
        || !"code".equals(q.get("response_type"))
        || !"S256".equals(q.get("code_challenge_method"))
        || q.get("code_challenge") == null
        || q.get("state") == null) {
      reply(ex, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String user = q.getOrDefault("login_hint", "");
    Map<String, String> back = new LinkedHashMap<>();
    if (!USERS.containsKey(user)) {
      back.put("error", "access_denied");
      back.put("error_description", "The user " + user + " declined the consent");
    } else {
      String code = UUID.randomUUID().toString();
      codes.put(code, new Grant(redirect, q.get("code_challenge"), q.get("nonce"), user));
      back.put("code", code);
    }
    back.put("state", q.get("state"));
    ex.getResponseHeaders().set("Location", redirect + "?" + formBody(back));
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  /** The token endpoint: client secret, code (once), redirect URI and PKCE verifier checked. */
  private void token(HttpExchange ex) throws IOException {
    Map<String, String> f =
        form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    tokenRequests.add(f);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      reply(ex, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    Grant grant = codes.remove(f.getOrDefault("code", ""));
    String problem =
        !"authorization_code".equals(f.get("grant_type"))
            ? "unsupported grant_type"
            : grant == null
                ? "the code is unknown or was already used"
                : !grant.redirectUri().equals(f.get("redirect_uri"))
                    ? "redirect_uri differs from the authorization request's"
                    : !grant.challenge().equals(s256(f.getOrDefault("code_verifier", "")))
                        ? "code_verifier does not match the code_challenge"
                        : null;
    if (problem != null) {
      reply(ex, 400, Json.toJson(Map.of("error", "invalid_grant", "error_description", problem)));
      return;
    }
    String nonce = nonceOverride.get() != null ? nonceOverride.get() : grant.nonce();
    String idToken =
        idToken(
            published.get(0),
            CLIENT_ID,
            Instant.now().plus(Duration.ofHours(1)),
            nonce,
            grant.email(),
            USERS.get(grant.email()).toArray(String[]::new));
    reply(
        ex,
        200,
        Json.toJson(
            Map.of(
                "access_token",
                "at-" + UUID.randomUUID(),
                "token_type",
                "Bearer",
                "expires_in",
                3600,
                "id_token",
                idToken)));
  }

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

  /** An ID token of this provider for {@code email} in {@code groups}, signed by {@code key}. */
  static String idToken(
      RsaJsonWebKey key,
      String audience,
      Instant expiresAt,
      String nonce,
      String email,
      String... groups) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(PROVIDER.issuer());
    claims.setAudience(audience);
    claims.setSubject("Cg" + email.hashCode());
    claims.setClaim("email", email);
    claims.setStringListClaim("groups", groups);
    if (nonce != null) {
      claims.setClaim("nonce", nonce);
    }
    claims.setIssuedAtToNow();
    claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
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

  /** The PKCE S256 challenge of {@code verifier}, computed here independently of the gateway. */
  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fields of a query string or form body. */
  static Map<String, String> form(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The query fields of {@code uri}. */
  static Map<String, String> query(URI uri) {
    return form(uri.getRawQuery());
  }

  private static String formBody(Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return b.toString();
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }
}
