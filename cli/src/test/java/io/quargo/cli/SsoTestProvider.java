package io.quargo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in OpenID Connect provider on loopback for the {@code login --sso} tests: a discovery
 * document, an authorization endpoint that logs {@code alice@example.com} in at once and redirects
 * to the given {@code redirect_uri} with a code and the state (or, as told, with an error or a
 * forged state), and a token endpoint that checks the code, the client id, the redirect URI and the
 * PKCE verifier against the challenge before it answers with an unsigned ID token carrying the
 * nonce, and a refresh token.
 */
final class SsoTestProvider implements AutoCloseable {
  /** What the authorization endpoint does with the next logins. */
  enum Mode {
    LOGS_IN,
    USER_DECLINES,
    FORGES_STATE,
    SWAPS_NONCE,
    TOKEN_ENDPOINT_REFUSES
  }

  static final String USER = "alice@example.com";
  static final String REFRESH_TOKEN = "refresh-for-alice";

  private record Grant(String clientId, String redirectUri, String challenge, String nonce) {}

  /** The query of each authorization request, as received. */
  final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();

  /** The form of each token request, as received. */
  final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

  /** Each ID token the token endpoint gave. */
  final List<String> issued = new CopyOnWriteArrayList<>();

  volatile Mode mode = Mode.LOGS_IN;

  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final HttpServer server;

  SsoTestProvider() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/dex/.well-known/openid-configuration", this::discovery);
    server.createContext("/dex/auth", this::authorize);
    server.createContext("/dex/token", this::token);
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/dex";
  }

  private void discovery(HttpExchange exchange) throws IOException {
    ObjectNode doc = OutputFormat.JSON_MAPPER.createObjectNode();
    doc.put("issuer", issuer());
    doc.put("authorization_endpoint", issuer() + "/auth");
    doc.put("token_endpoint", issuer() + "/token");
    doc.put("jwks_uri", issuer() + "/keys");
    doc.putArray("code_challenge_methods_supported").add("S256");
    reply(exchange, 200, doc.toString());
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
    authorizations.add(query);
    if (!"code".equals(query.get("response_type"))
        || !"S256".equals(query.get("code_challenge_method"))
        || query.get("code_challenge") == null) {
      reply(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String redirect = query.get("redirect_uri");
    Map<String, String> back = new LinkedHashMap<>();
    switch (mode) {
      case USER_DECLINES -> {
        back.put("error", "access_denied");
        back.put("error_description", "the user declined consent");
        back.put("state", query.get("state"));
      }
      default -> {
        String code = UUID.randomUUID().toString();
        codes.put(
            code,
            new Grant(
                query.get("client_id"), redirect, query.get("code_challenge"), query.get("nonce")));
        back.put("code", code);
        back.put("state", mode == Mode.FORGES_STATE ? "forged-state" : query.get("state"));
      }
    }
    exchange.getResponseHeaders().set("Location", redirect + "?" + encode(back));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    tokenRequests.add(form);
    Grant grant = codes.remove(form.getOrDefault("code", ""));
    String refusal = null;
    if (mode == Mode.TOKEN_ENDPOINT_REFUSES) {
      refusal = "the code has expired";
    } else if (!"authorization_code".equals(form.get("grant_type")) || grant == null) {
      refusal = "unknown code";
    } else if (!grant.clientId().equals(form.get("client_id"))) {
      refusal = "the code was issued to another client";
    } else if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
      refusal = "redirect_uri differs from the authorization request's";
    } else if (!grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
      refusal = "PKCE verification failed";
    }
    if (refusal != null) {
      ObjectNode error = OutputFormat.JSON_MAPPER.createObjectNode();
      error.put("error", "invalid_grant").put("error_description", refusal);
      reply(exchange, 400, error.toString());
      return;
    }
    String idToken =
        idToken(grant.clientId(), mode == Mode.SWAPS_NONCE ? "another-nonce" : grant.nonce());
    issued.add(idToken);
    ObjectNode answer = OutputFormat.JSON_MAPPER.createObjectNode();
    answer.put("access_token", "access-" + UUID.randomUUID());
    answer.put("token_type", "bearer");
    answer.put("id_token", idToken);
    answer.put("refresh_token", REFRESH_TOKEN);
    reply(exchange, 200, answer.toString());
  }

  /** An unsigned JWT ({@code alg: none}): the CLI only reads it, the gateway verifies tokens. */
  private String idToken(String audience, String nonce) {
    ObjectNode claims = OutputFormat.JSON_MAPPER.createObjectNode();
    long now = Instant.now().getEpochSecond();
    claims.put("iss", issuer()).put("aud", audience).put("sub", "CgVhbGljZRIFbG9jYWw");
    claims.put("email", USER).put("nonce", nonce).put("iat", now).put("exp", now + 3600);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> decode(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String encode(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    values.forEach(
        (k, v) ->
            out.append(out.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The query of {@code url} (for the test's assertions on the printed URL). */
  static Map<String, String> query(URI url) {
    return decode(url.getRawQuery());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
