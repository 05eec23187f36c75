package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OpenID Connect provider the gateway's settings name, seen by {@code quargo login --sso} as a
 * public client: its discovery document, the authorization URL (code flow with PKCE S256) and the
 * token endpoint, which gets the code and the PKCE verifier but no client secret.
 */
final class SsoProvider {
  /** What the token endpoint gave: the ID token, and a refresh token when it gave one. */
  record Tokens(String idToken, String refreshToken) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String clientId;
  private final URI authorizationEndpoint;
  private final URI tokenEndpoint;

  private SsoProvider(String clientId, URI authorizationEndpoint, URI tokenEndpoint) {
    this.clientId = clientId;
    this.authorizationEndpoint = authorizationEndpoint;
    this.tokenEndpoint = tokenEndpoint;
  }

  /** Reads {@code ISSUER/.well-known/openid-configuration} for the two endpoints. */
  static SsoProvider discover(String issuer, String clientId) {
    URI uri = URI.create(trimSlash(issuer) + "/.well-known/openid-configuration");
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri).GET(), uri);
    if (answer.statusCode() != 200) {
      throw new CliException(
          "the SSO provider's discovery document " + uri + " answered " + answer.statusCode());
    }
    JsonNode doc = json(answer.body(), uri);
    return new SsoProvider(
        clientId,
        endpoint(doc, "authorization_endpoint", uri),
        endpoint(doc, "token_endpoint", uri));
  }

  /** Where the browser logs in: response_type=code with state, nonce and the S256 challenge. */
  URI authorizationUrl(
      URI redirectUri, List<String> scopes, String state, String nonce, String challenge) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri.toString());
    query.put("scope", String.join(" ", scopes));
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", challenge);
    query.put("code_challenge_method", "S256");
    String base = authorizationEndpoint.toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + form(query));
  }

  /** Trades the code for tokens; the provider's {@code error} becomes the message. */
  Tokens exchange(String code, URI redirectUri, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri.toString());
    form.put("client_id", clientId);
    form.put("code_verifier", verifier);
    return redeem(form, "refused the code", "run quargo login --sso again");
  }

  /**
   * Redeems a refresh token for new tokens ({@code grant_type=refresh_token}), as argocd renews an
   * SSO session; the answer's refresh token is null when the provider gave none (the old one stays
   * valid then).
   */
  Tokens refresh(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", clientId);
    return redeem(form, "refused to renew the session", "run quargo login --sso again");
  }

  private Tokens redeem(Map<String, String> form, String refused, String remedy) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(tokenEndpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    HttpResponse<String> answer = send(request, tokenEndpoint);
    JsonNode body = answer.body().isBlank() ? null : jsonOrNull(answer.body());
    if (answer.statusCode() != 200) {
      String error = body == null ? "" : body.path("error").asText("");
      String detail = body == null ? "" : body.path("error_description").asText("");
      throw new CliException(
          "the SSO provider's token endpoint "
              + tokenEndpoint
              + " "
              + refused
              + " ("
              + answer.statusCode()
              + (error.isEmpty() ? "" : " " + error)
              + (detail.isEmpty() ? "" : ": " + detail)
              + "); "
              + remedy);
    }
    String idToken = body == null ? "" : body.path("id_token").asText("");
    if (idToken.isBlank()) {
      throw new CliException(
          "the SSO provider's token endpoint " + tokenEndpoint + " answered without an id_token");
    }
    String refresh = body.path("refresh_token").asText("");
    return new Tokens(idToken, refresh.isBlank() ? null : refresh);
  }

  private static URI endpoint(JsonNode doc, String field, URI from) {
    String value = doc.path(field).asText("");
    if (value.isBlank()) {
      throw new CliException("the SSO provider's discovery document " + from + " has no " + field);
    }
    return URI.create(value);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, URI uri) {
    try {
      return HTTP.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException("cannot reach the SSO provider at " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while calling " + uri, e);
    }
  }

  private static JsonNode json(String text, URI from) {
    JsonNode node = jsonOrNull(text);
    if (node == null) {
      throw new CliException(from + " answered with something that is not JSON");
    }
    return node;
  }

  private static JsonNode jsonOrNull(String text) {
    try {
      JsonNode node = OutputFormat.JSON_MAPPER.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String trimSlash(String text) {
    String out = text.strip();
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
