package io.quargo.testkit.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in OpenID Connect provider on loopback (issuer {@code http://127.0.0.1:PORT/dex}, as Argo
 * CD's bundled Dex) for the gateway's and the CLI's SSO tests: a discovery document, the JWKS of
 * {@link #keys()}, an authorization endpoint that logs the user named by {@code login_hint} (else
 * the first user) in at once and redirects back with a code, and a token endpoint that checks the
 * client (secret by HTTP Basic, or a public client's id), the code (once), the redirect URI and the
 * PKCE verifier before it answers with an RS256 ID token carrying the login's nonce and a refresh
 * token; {@code grant_type=refresh_token} redeems that for new tokens. Every request is recorded,
 * and tests can make it misbehave ({@link Mode}, {@link #nonceOverride}).
 */
public final class OidcTestProvider implements AutoCloseable {

  /** A user who can log in, with the groups its ID tokens carry. */
  public record User(String email, List<String> groups) {}

  /** A registered client; {@code secret} null for a public client (PKCE only, as a CLI). */
  public record Client(String id, String secret) {}

  /** How the provider answers the next requests. */
  public enum Mode {
    /** As a provider should. */
    LOGS_IN,
    /** The user declines consent: the authorization endpoint sends back {@code access_denied}. */
    USER_DECLINES,
    /** The authorization endpoint sends back another state than it was given. */
    FORGES_STATE,
    /** The token endpoint refuses every code ({@code invalid_grant}: the code has expired). */
    TOKEN_ENDPOINT_REFUSES
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Grant(
      String clientId, String redirectUri, String challenge, String nonce, User user) {}

  private record RefreshGrant(String clientId, User user) {}

  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Client> clients = new LinkedHashMap<>();
  private final List<TestSigningKey> keys = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private final List<String> issuedRefreshTokens = new CopyOnWriteArrayList<>();
  private final List<Instant> jwksFetches = new CopyOnWriteArrayList<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final HttpServer server;

  private volatile Mode mode = Mode.LOGS_IN;
  private volatile String nonceOverride;
  private volatile Duration idTokenLifetime = Duration.ofHours(1);
  private volatile boolean rotatesRefreshTokens = true;

  /** Starts the provider on a free loopback port, with one signing key ({@code key-1}). */
  public OidcTestProvider(List<User> users, List<Client> clients) {
    users.forEach(u -> this.users.put(u.email(), u));
    clients.forEach(c -> this.clients.put(c.id(), c));
    keys.add(TestSigningKey.generate("key-1"));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/dex/.well-known/openid-configuration", this::discovery);
    server.createContext("/dex/keys", this::jwks);
    server.createContext("/dex/auth", this::authorize);
    server.createContext("/dex/token", this::token);
    server.start();
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/dex";
  }

  public String endSessionEndpoint() {
    return issuer() + "/logout";
  }

  /** The signing keys; the first signs, all are published. Add one to rotate. */
  public List<TestSigningKey> keys() {
    return keys;
  }

  /** The query of each authorization request, as received. */
  public List<Map<String, String>> authorizations() {
    return authorizations;
  }

  /** The form of each token request (every grant), as received. */
  public List<Map<String, String>> tokenRequests() {
    return tokenRequests;
  }

  /** Each ID token the token endpoint gave, in order. */
  public List<String> issuedIdTokens() {
    return issued;
  }

  /** Each refresh token the token endpoint gave, in order. */
  public List<String> issuedRefreshTokens() {
    return issuedRefreshTokens;
  }

  /** When the JWKS was fetched. */
  public List<Instant> jwksFetches() {
    return jwksFetches;
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  /** A nonce the next ID tokens carry instead of the login's (null: the login's). */
  public void nonceOverride(String nonce) {
    this.nonceOverride = nonce;
  }

  /** How long the next ID tokens are valid; negative for tokens that have already expired. */
  public void idTokenLifetime(Duration lifetime) {
    this.idTokenLifetime = lifetime;
  }

  /**
   * Whether redeeming a refresh token gives a new one and forgets the old (default) or answers
   * without one, leaving the old one valid (the client keeps using it, as argocd does).
   */
  public void rotatesRefreshTokens(boolean rotates) {
    this.rotatesRefreshTokens = rotates;
  }

  /** Forgets every refresh token given so far (the user's provider session ended). */
  public void revokeRefreshTokens() {
    refreshTokens.clear();
  }

  /** An ID token of this provider for {@code email} in {@code groups}, signed by {@code key}. */
  public String idToken(
      TestSigningKey key,
      String audience,
      Instant expiresAt,
      String nonce,
      String email,
      List<String> groups) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer());
    claims.put("aud", audience);
    claims.put("sub", "Cg" + Integer.toUnsignedString(email.hashCode()));
    claims.put("email", email);
    claims.put("groups", groups);
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    claims.put("iat", Instant.now().getEpochSecond());
    claims.put("exp", expiresAt.getEpochSecond());
    return key.sign(json(claims));
  }

  private void discovery(HttpExchange ex) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer());
    doc.put("authorization_endpoint", issuer() + "/auth");
    doc.put("token_endpoint", issuer() + "/token");
    doc.put("jwks_uri", issuer() + "/keys");
    doc.put("end_session_endpoint", endSessionEndpoint());
    doc.put("response_types_supported", List.of("code"));
    doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "none"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    reply(ex, 200, json(doc));
  }

  private void jwks(HttpExchange ex) throws IOException {
    jwksFetches.add(Instant.now());
    reply(ex, 200, json(Map.of("keys", keys.stream().map(TestSigningKey::jwk).toList())));
  }

  /** Logs the user in at once and sends the browser back with a code (or an error). */
  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> q = FormFields.decode(ex.getRequestURI().getRawQuery());
    authorizations.add(q);
    String redirect = q.get("redirect_uri");
    if (!clients.containsKey(q.getOrDefault("client_id", ""))
        || redirect == null
        || !"code".equals(q.get("response_type"))
        || !"S256".equals(q.get("code_challenge_method"))
        || q.get("code_challenge") == null
        || q.get("state") == null) {
      reply(ex, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String email = q.getOrDefault("login_hint", users.keySet().iterator().next());
    User user = users.get(email);
    Map<String, String> back = new LinkedHashMap<>();
    if (user == null || mode == Mode.USER_DECLINES) {
      back.put("error", "access_denied");
      back.put("error_description", "The user " + email + " declined the consent");
      back.put("state", q.get("state"));
    } else {
      String code = UUID.randomUUID().toString();
      codes.put(
          code,
          new Grant(q.get("client_id"), redirect, q.get("code_challenge"), q.get("nonce"), user));
      back.put("code", code);
      back.put("state", mode == Mode.FORGES_STATE ? "forged-state" : q.get("state"));
    }
    ex.getResponseHeaders().set("Location", redirect + "?" + FormFields.encode(back));
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private void token(HttpExchange ex) throws IOException {
    Map<String, String> form =
        FormFields.decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    tokenRequests.add(form);
    Optional<Client> client = authenticate(ex, form);
    if (client.isEmpty()) {
      reply(ex, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    String grantType = form.getOrDefault("grant_type", "");
    if (grantType.equals("authorization_code")) {
      redeemCode(ex, form, client.get());
    } else if (grantType.equals("refresh_token")) {
      redeemRefreshToken(ex, form, client.get());
    } else {
      refuse(ex, "unsupported_grant_type", "grant_type " + grantType + " is not supported");
    }
  }

  /** A confidential client by HTTP Basic, else a public one by its {@code client_id}. */
  private Optional<Client> authenticate(HttpExchange ex, Map<String, String> form) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.startsWith("Basic ")) {
      String[] idSecret =
          new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)
              .split(":", 2);
      Client client = clients.get(idSecret[0]);
      return client != null && idSecret.length == 2 && idSecret[1].equals(client.secret())
          ? Optional.of(client)
          : Optional.empty();
    }
    return Optional.ofNullable(clients.get(form.getOrDefault("client_id", "")))
        .filter(c -> c.secret() == null);
  }

  private void redeemCode(HttpExchange ex, Map<String, String> form, Client client)
      throws IOException {
    Grant grant = codes.remove(form.getOrDefault("code", ""));
    String problem =
        mode == Mode.TOKEN_ENDPOINT_REFUSES
            ? "the code has expired"
            : grant == null
                ? "the code is unknown or was already used"
                : !grant.clientId().equals(client.id())
                    ? "the code was issued to another client"
                    : !grant.redirectUri().equals(form.get("redirect_uri"))
                        ? "redirect_uri differs from the authorization request's"
                        : !grant
                                .challenge()
                                .equals(FormFields.s256(form.getOrDefault("code_verifier", "")))
                            ? "code_verifier does not match the code_challenge"
                            : null;
    if (problem != null) {
      refuse(ex, "invalid_grant", problem);
      return;
    }
    String nonce = nonceOverride != null ? nonceOverride : grant.nonce();
    answerTokens(ex, client, grant.user(), nonce, true);
  }

  private void redeemRefreshToken(HttpExchange ex, Map<String, String> form, Client client)
      throws IOException {
    String presented = form.getOrDefault("refresh_token", "");
    RefreshGrant grant = refreshTokens.get(presented);
    if (grant == null || !grant.clientId().equals(client.id())) {
      refuse(ex, "invalid_grant", "the refresh token is unknown, revoked or another client's");
      return;
    }
    if (rotatesRefreshTokens) {
      refreshTokens.remove(presented);
    }
    answerTokens(ex, client, grant.user(), null, rotatesRefreshTokens);
  }

  private void answerTokens(
      HttpExchange ex, Client client, User user, String nonce, boolean withRefreshToken)
      throws IOException {
    String idToken =
        idToken(
            keys.get(0),
            client.id(),
            Instant.now().plus(idTokenLifetime),
            nonce,
            user.email(),
            user.groups());
    issued.add(idToken);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", "at-" + UUID.randomUUID());
    answer.put("token_type", "Bearer");
    answer.put("expires_in", idTokenLifetime.toSeconds());
    answer.put("id_token", idToken);
    if (withRefreshToken) {
      String refresh = "rt-" + UUID.randomUUID();
      refreshTokens.put(refresh, new RefreshGrant(client.id(), user));
      issuedRefreshTokens.add(refresh);
      answer.put("refresh_token", refresh);
    }
    reply(ex, 200, json(answer));
  }

  private static void refuse(HttpExchange ex, String error, String description) throws IOException {
    reply(ex, 400, json(Map.of("error", error, "error_description", description)));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
