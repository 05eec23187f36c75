package io.quargo.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The OpenID Connect provider configured as {@code quargo.gateway.oidc}: its discovery document
 * (read once, again after a failure) and its token endpoint, where a login's code becomes an ID
 * token.
 */
@ApplicationScoped
public class OidcProvider {

  /**
   * What the provider's discovery document names.
   *
   * @param endSessionEndpoint null when the provider has none
   * @param tokenAuthMethods {@code token_endpoint_auth_methods_supported}, empty when not said
   */
  public record Metadata(
      String issuer,
      String jwksUri,
      String authorizationEndpoint,
      String tokenEndpoint,
      String endSessionEndpoint,
      List<String> tokenAuthMethods) {}

  /** The provider could not be reached or answered something unusable; the message says which. */
  public static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message);
    }
  }

  /** The token endpoint refused the code; the message carries the provider's error. */
  public static final class CodeRefused extends Exception {
    CodeRefused(String message) {
      super(message);
    }
  }

  private final GatewayConfig.Oidc config;
  private final String issuer;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile Metadata metadata;

  public OidcProvider(GatewayConfig config) {
    this.config = config.oidc();
    this.issuer = this.config.issuer().filter(i -> !i.isBlank()).orElse(null);
  }

  /** The configured issuer, if any. */
  public Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  /** The display name of the provider. */
  public String name() {
    return config.name();
  }

  /** The discovery document, fetched on first use. */
  public Metadata metadata() throws Unavailable {
    Metadata m = metadata;
    if (m != null) {
      return m;
    }
    if (issuer == null) {
      throw new Unavailable("no OIDC provider is configured (quargo.gateway.oidc.issuer)");
    }
    synchronized (this) {
      if (metadata == null) {
        metadata = discover();
      }
      return metadata;
    }
  }

  private Metadata discover() throws Unavailable {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    String url = base + "/.well-known/openid-configuration";
    JsonNode doc;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new Unavailable(
            "the discovery document " + url + " answered HTTP " + response.statusCode());
      }
      doc = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new Unavailable("the discovery document " + url + " cannot be read: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while reading the discovery document " + url);
    }
    if (!issuer.equals(doc.path("issuer").asText())) {
      throw new Unavailable(
          "the discovery document "
              + url
              + " names issuer "
              + doc.path("issuer")
              + ", not "
              + issuer);
    }
    String jwks = doc.path("jwks_uri").asText("");
    if (jwks.isEmpty()) {
      throw new Unavailable("the discovery document " + url + " names no jwks_uri");
    }
    List<String> methods = new ArrayList<>();
    doc.path("token_endpoint_auth_methods_supported").forEach(n -> methods.add(n.asText()));
    return new Metadata(
        issuer,
        jwks,
        doc.path("authorization_endpoint").asText(null),
        doc.path("token_endpoint").asText(null),
        doc.path("end_session_endpoint").asText(null),
        List.copyOf(methods));
  }

  /**
   * Exchanges a login's authorization code for the provider's ID token (RFC 6749 section 4.1.3 with
   * the PKCE verifier of RFC 7636). The client secret, when configured, goes as HTTP Basic unless
   * the provider supports only {@code client_secret_post}.
   */
  public String exchangeCode(String code, String redirectUri, String codeVerifier)
      throws Unavailable, CodeRefused {
    Metadata m = metadata();
    if (m.tokenEndpoint() == null || m.tokenEndpoint().isBlank()) {
      throw new Unavailable("the discovery document of " + issuer + " names no token_endpoint");
    }
    String clientId = config.clientId().orElse("");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", codeVerifier);
    form.put("client_id", clientId);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(m.tokenEndpoint()))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    Optional<String> secret = config.clientSecret().filter(s -> !s.isEmpty());
    if (secret.isPresent()) {
      boolean postOnly =
          m.tokenAuthMethods().contains("client_secret_post")
              && !m.tokenAuthMethods().contains("client_secret_basic");
      if (postOnly) {
        form.put("client_secret", secret.get());
      } else {
        String pair = encode(clientId) + ":" + encode(secret.get());
        request.header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable(
          "the token endpoint " + m.tokenEndpoint() + " cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while calling the token endpoint " + m.tokenEndpoint());
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      body = Json.mapper().createObjectNode();
    }
    if (response.statusCode() / 100 != 2) {
      String error = body.path("error").asText("HTTP " + response.statusCode());
      String description = body.path("error_description").asText("");
      throw new CodeRefused(description.isEmpty() ? error : error + ": " + description);
    }
    String idToken = body.path("id_token").asText("");
    if (idToken.isEmpty()) {
      throw new Unavailable(
          "the token endpoint "
              + m.tokenEndpoint()
              + " answered without an id_token (is the scope openid requested?)");
    }
    return idToken;
  }

  /** {@code application/x-www-form-urlencoded} of {@code fields}, in their order. */
  static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
