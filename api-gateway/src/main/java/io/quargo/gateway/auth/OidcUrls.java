package io.quargo.gateway.auth;

import io.quargo.gateway.config.GatewayConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The URLs around a browser login and logout: callback, return URL, provider logout URL. */
final class OidcUrls {

  static final String CALLBACK_PATH = "/auth/callback";

  private OidcUrls() {}

  /**
   * Where the provider sends the browser back: {@code quargo.gateway.oidc.redirect-uri}, else
   * {@value #CALLBACK_PATH} on {@code requestBase} (the URL the request came to, with a trailing
   * slash as JAX-RS gives it).
   */
  static String callback(GatewayConfig.Oidc config, URI requestBase) {
    return config
        .redirectUri()
        .filter(u -> !u.isBlank())
        .orElseGet(() -> trimSlash(requestBase.toString()) + CALLBACK_PATH);
  }

  /** The gateway's own URL, Argo CD's {@code logoutRedirectURL}: the callback without its path. */
  static String gatewayUrl(GatewayConfig.Oidc config, URI requestBase) {
    String callback = callback(config, requestBase);
    return callback.endsWith(CALLBACK_PATH)
        ? callback.substring(0, callback.length() - CALLBACK_PATH.length())
        : trimSlash(requestBase.toString());
  }

  /**
   * {@code returnUrl} when it is a path on this gateway ({@code /...}, not {@code //host} or {@code
   * /\host}, which browsers read as another host, and without control characters); else {@code /}.
   * Keeping only such paths makes {@code return_url} useless for open redirects.
   */
  static String safeReturnUrl(String returnUrl) {
    if (returnUrl == null
        || !returnUrl.startsWith("/")
        || returnUrl.startsWith("//")
        || returnUrl.indexOf('\\') >= 0
        || returnUrl.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "/";
    }
    return returnUrl;
  }

  /**
   * Where the browser goes to end its session at the provider: {@code logoutTemplate} (Argo CD's
   * {@code logoutURL}) with {@code {{token}}} and {@code {{logoutRedirectURL}}} filled in, else the
   * provider's {@code end_session_endpoint} with {@code id_token_hint}, {@code
   * post_logout_redirect_uri} and {@code client_id} (OpenID Connect RP-Initiated Logout); empty
   * when there is neither.
   */
  static Optional<String> providerLogout(
      Optional<String> logoutTemplate,
      String endSessionEndpoint,
      String idToken,
      String gatewayUrl,
      String clientId) {
    Optional<String> template = logoutTemplate.filter(t -> !t.isBlank());
    if (template.isPresent()) {
      return Optional.of(
          template
              .get()
              .replace("{{token}}", OidcProvider.encode(idToken))
              .replace("{{logoutRedirectURL}}", OidcProvider.encode(gatewayUrl)));
    }
    if (endSessionEndpoint == null || endSessionEndpoint.isBlank()) {
      return Optional.empty();
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("id_token_hint", idToken);
    query.put("post_logout_redirect_uri", gatewayUrl);
    query.put("client_id", clientId);
    return Optional.of(withQuery(endSessionEndpoint, query));
  }

  /** {@code url} with {@code query} added to the query it may already have. */
  static String withQuery(String url, Map<String, String> query) {
    return url + (url.contains("?") ? "&" : "?") + OidcProvider.formBody(query);
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
