package io.quargo.gateway.auth;

import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.config.GatewayConfig;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The browser's login through the OIDC provider, as Argo CD's {@code /auth/login} and {@code
 * /auth/callback}: the authorization code flow with PKCE (S256) and a nonce, the login in progress
 * kept in a sealed cookie, the provider's ID token set as the {@code argocd.token} cookie at the
 * end. These are browser redirects, not API routes, so like Argo CD's they are not in the API
 * document (OpenAPI).
 */
@Path("/auth")
public class OidcLoginResource {

  /** How long a login may take at the provider, Argo CD's {@code StateCookieMaxAge}. */
  static final Duration LOGIN_TIME = Duration.ofMinutes(5);

  private static final String STATE_PURPOSE = "quargo oidc login state";

  private final GatewayConfig.Oidc config;
  private final OidcProvider provider;
  private final OidcTokenVerifier verifier;
  private final TokenService tokens;

  public OidcLoginResource(
      GatewayConfig config,
      OidcProvider provider,
      OidcTokenVerifier verifier,
      TokenService tokens) {
    this.config = config.oidc();
    this.provider = provider;
    this.verifier = verifier;
    this.tokens = tokens;
  }

  /** Sends the browser to the provider's login page (303), remembering the login in a cookie. */
  @GET
  @Operation(hidden = true)
  @Path("/login")
  public Response login(@QueryParam("return_url") String returnUrl, @Context UriInfo uri) {
    OidcProvider.Metadata metadata = metadata();
    if (metadata.authorizationEndpoint() == null || metadata.authorizationEndpoint().isBlank()) {
      throw new ProblemException(
          502,
          "the discovery document of " + metadata.issuer() + " names no authorization_endpoint");
    }
    String callback = OidcUrls.callback(config, uri.getBaseUri());
    OidcLoginState login =
        OidcLoginState.start(
            OidcUrls.safeReturnUrl(returnUrl), Instant.now().plus(LOGIN_TIME).getEpochSecond());
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", config.clientId().orElse(""));
    query.put("redirect_uri", callback);
    query.put("scope", String.join(" ", config.requestedScopes()));
    query.put("state", login.state());
    query.put("nonce", login.nonce());
    query.put("code_challenge", login.codeChallenge());
    query.put("code_challenge_method", "S256");
    return Response.seeOther(
            URI.create(OidcUrls.withQuery(metadata.authorizationEndpoint(), query)))
        .cookie(stateCookie(login.seal(stateKey()), (int) LOGIN_TIME.toSeconds(), secure(callback)))
        .build();
  }

  /**
   * Where the provider sends the browser back: checks the state, exchanges the code, verifies the
   * ID token and its nonce, sets it as the {@code argocd.token} cookie and goes to the return URL.
   */
  @GET
  @Operation(hidden = true)
  @Path("/callback")
  public Response callback(
      @QueryParam("code") String code,
      @QueryParam("state") String state,
      @QueryParam("error") String error,
      @QueryParam("error_description") String errorDescription,
      @CookieParam(OidcLoginState.COOKIE) String stateCookie,
      @Context UriInfo uri) {
    metadata();
    if (error != null && !error.isBlank()) {
      throw new ProblemException(
          401,
          "the "
              + provider.name()
              + " login failed at the provider: "
              + error
              + (errorDescription == null || errorDescription.isBlank()
                  ? ""
                  : ": " + errorDescription));
    }
    if (code == null || code.isBlank()) {
      throw ProblemException.invalid(
          "code", "is missing: /auth/callback is where the provider sends the browser back");
    }
    OidcLoginState login = loginInProgress(stateCookie, state);
    String callback = OidcUrls.callback(config, uri.getBaseUri());
    String idToken;
    try {
      idToken = provider.exchangeCode(code, callback, login.codeVerifier());
    } catch (OidcProvider.CodeRefused e) {
      throw new ProblemException(
          401, "the " + provider.name() + " token endpoint refused the code: " + e.getMessage());
    } catch (OidcProvider.Unavailable e) {
      throw new ProblemException(502, e.getMessage());
    }
    Caller caller;
    try {
      caller = verifier.verifyLogin(idToken, login.nonce());
    } catch (OidcTokenVerifier.RejectedToken e) {
      throw new ProblemException(401, e.getMessage());
    }
    long maxAge = Math.max(0, caller.expiresAt() - Instant.now().getEpochSecond());
    return Response.seeOther(URI.create(OidcUrls.safeReturnUrl(login.returnUrl())))
        .cookie(
            new NewCookie.Builder(AuthenticationFilter.COOKIE)
                .value(idToken)
                .path("/")
                .httpOnly(true)
                .secure(secure(callback))
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge))
                .build(),
            stateCookie("", 0, secure(callback)))
        .build();
  }

  /** The login the state cookie holds, if {@code state} is its state and it has not expired. */
  private OidcLoginState loginInProgress(String cookie, String state) {
    if (cookie == null || cookie.isBlank()) {
      throw ProblemException.invalid(
          "state",
          "no login is in progress in this browser (the "
              + OidcLoginState.COOKIE
              + " cookie is missing or expired); start again at /auth/login");
    }
    OidcLoginState login =
        OidcLoginState.open(cookie, stateKey())
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "state",
                        "the "
                            + OidcLoginState.COOKIE
                            + " cookie was not set by this gateway or is damaged; start again at"
                            + " /auth/login"));
    if (state == null || !state.equals(login.state())) {
      throw ProblemException.invalid(
          "state",
          "does not match the login in progress in this browser (a forged or stale callback);"
              + " start again at /auth/login");
    }
    if (Instant.now().getEpochSecond() > login.expiresAt()) {
      throw ProblemException.invalid(
          "state",
          "the login took longer than "
              + LOGIN_TIME.toMinutes()
              + " minutes at the provider; start again at /auth/login");
    }
    return login;
  }

  private OidcProvider.Metadata metadata() {
    if (!verifier.enabled() || config.clientId().filter(c -> !c.isBlank()).isEmpty()) {
      throw new ProblemException(
          404,
          "single sign-on is not configured: set quargo.gateway.oidc.issuer and client-id,"
              + " or log in with POST /api/v1/session");
    }
    try {
      return provider.metadata();
    } catch (OidcProvider.Unavailable e) {
      throw new ProblemException(502, e.getMessage());
    }
  }

  private byte[] stateKey() {
    return tokens.derivedSecret(STATE_PURPOSE);
  }

  private static boolean secure(String callback) {
    return callback.startsWith("https:");
  }

  private static NewCookie stateCookie(String value, int maxAge, boolean secure) {
    return new NewCookie.Builder(OidcLoginState.COOKIE)
        .value(value)
        .path("/auth")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX)
        .maxAge(maxAge)
        .build();
  }
}
