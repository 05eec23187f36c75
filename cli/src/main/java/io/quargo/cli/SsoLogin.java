package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code quargo login --sso}, as argocd's {@code oauth2Login}: reads the gateway's {@code
 * oidcConfig}, sends the browser to the provider (authorization code with PKCE S256, state and
 * nonce) with {@code http://localhost:PORT/auth/callback} as redirect URI, and trades the code that
 * comes back there for the provider's ID token, which the gateway accepts as a bearer token.
 */
final class SsoLogin {
  /** The {@code --sso-*} flags. */
  record Options(int port, boolean launchBrowser, Duration timeout, String timeoutText) {}

  /** The tokens and who they name (email, else name, else sub, as argocd prints). */
  record Result(String user, SsoProvider.Tokens tokens) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String VERIFIER_CHARS = LETTERS + "0123456789-._~";

  private SsoLogin() {}

  static Result run(GatewayClient gateway, Options options, PrintWriter out, PrintWriter err) {
    JsonNode oidc = gateway.get("/api/v1/settings").path("oidcConfig");
    SsoProvider provider = provider(oidc, gateway);
    String state = random(LETTERS, 24);
    String nonce = random(LETTERS, 24);
    String verifier = random(VERIFIER_CHARS, 43);
    SsoProvider.Tokens tokens;
    try (SsoCallbackServer callback =
        SsoCallbackServer.start(
            options.port(),
            (query, redirect) -> complete(query, redirect, state, nonce, verifier, provider))) {
      URI url =
          provider.authorizationUrl(
              callback.redirectUri(), scopes(oidc), state, nonce, challenge(verifier));
      out.println("Performing authorization_code flow login: " + url);
      if (options.launchBrowser()) {
        out.println("Opening browser for authentication");
        openBrowser(url, err);
      } else {
        out.println("To authenticate, copy-and-paste the URL above into your preferred browser");
      }
      out.flush();
      tokens = callback.await(options.timeout(), options.timeoutText());
    }
    out.println("Authentication successful");
    return new Result(displayName(claims(tokens.idToken())), tokens);
  }

  /**
   * The provider the gateway's {@code oidcConfig} names, as the CLI's client: {@code cliClientID},
   * else {@code clientID} (as argocd chooses).
   */
  static SsoProvider provider(JsonNode oidc, GatewayClient gateway) {
    String issuer = oidc.path("issuer").asText("");
    if (issuer.isBlank()) {
      throw new CliException(
          "the server has no SSO configured ("
              + gateway.base()
              + "/api/v1/settings names no oidcConfig): log in with --username and --password");
    }
    String clientId =
        Optional.of(oidc.path("cliClientID").asText(""))
            .filter(id -> !id.isBlank())
            .orElse(oidc.path("clientID").asText(""));
    if (clientId.isBlank()) {
      throw new CliException("the server's oidcConfig names no clientID or cliClientID");
    }
    return SsoProvider.discover(issuer, clientId);
  }

  /**
   * The callback's query to tokens, as argocd's callback handler: the provider's {@code error}
   * first, then the state, then the code at the token endpoint; the ID token must carry the nonce.
   */
  private static SsoProvider.Tokens complete(
      Map<String, String> query,
      URI redirect,
      String state,
      String nonce,
      String verifier,
      SsoProvider provider) {
    String error = query.getOrDefault("error", "");
    if (!error.isEmpty()) {
      String detail = query.getOrDefault("error_description", "");
      throw new CliException(
          "the SSO provider refused the login: " + error + (detail.isEmpty() ? "" : ": " + detail));
    }
    if (!state.equals(query.get("state"))) {
      throw new CliException(
          "the callback's state is not the one this login sent (Unknown state nonce):"
              + " it did not come from this login; run quargo login --sso again");
    }
    String code = query.getOrDefault("code", "");
    if (code.isEmpty()) {
      throw new CliException("the callback has no code (query: " + query.keySet() + ")");
    }
    SsoProvider.Tokens tokens = provider.exchange(code, redirect, verifier);
    String sent = claims(tokens.idToken()).path("nonce").asText("");
    if (!sent.equals(nonce)) {
      throw new CliException(
          "the SSO provider's id_token does not carry the nonce this login sent"
              + " (a replayed or swapped token); run quargo login --sso again");
    }
    return tokens;
  }

  /** The scopes the gateway asks for, with {@code openid} first. */
  private static List<String> scopes(JsonNode oidc) {
    List<String> scopes = new ArrayList<>();
    scopes.add("openid");
    oidc.path("scopes")
        .forEach(
            s -> {
              if (!scopes.contains(s.asText())) {
                scopes.add(s.asText());
              }
            });
    return scopes;
  }

  /** The claims of a JWT, unverified: the gateway verifies the token when it is used. */
  static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      throw new CliException("the SSO provider's id_token is not a JWT");
    }
    try {
      return OutputFormat.JSON_MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException("the SSO provider's id_token has claims this CLI cannot read", e);
    }
  }

  private static String displayName(JsonNode claims) {
    for (String claim : List.of("email", "name", "sub")) {
      String value = claims.path(claim).asText("");
      if (!value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  private static String challenge(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** Starts the desktop's browser on {@code url}; when it cannot, the printed URL is the way. */
  private static void openBrowser(URI url, PrintWriter err) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> command =
        os.contains("mac")
            ? List.of("open", url.toString())
            : os.contains("win")
                ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
                : List.of("xdg-open", url.toString());
    try {
      new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      err.println(
          "warning: cannot start "
              + command.get(0)
              + " ("
              + e.getMessage()
              + "): open the URL above in a browser");
      err.flush();
    }
  }
}
