package io.quargo.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.gateway.account.AccountService;
import io.quargo.gateway.body.BodyChecks;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.config.GatewayConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Argo CD's session routes: log in for a token, log out, and who am I. */
@Path("/api/v1/session")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class SessionResource {

  private final AccountService accounts;
  private final TokenService tokens;
  private final CurrentCaller current;
  private final GatewayConfig config;
  private final OidcProvider provider;

  public SessionResource(
      AccountService accounts,
      TokenService tokens,
      CurrentCaller current,
      GatewayConfig config,
      OidcProvider provider) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.current = current;
    this.config = config;
    this.provider = provider;
  }

  /** {@code {username, password}} to {@code {token}}; the token is also set as a cookie. */
  @POST
  public Response create(JsonNode body) {
    BodyChecks.object(body, "{\"username\":..,\"password\":..}");
    String username = BodyChecks.requiredText(body, "username", "username");
    BodyChecks.optionalText(body, "password", "password");
    Instant passwordChanged = accounts.checkLogin(username, body.path("password").asText(null));
    // a login in the second of a password change counts as after it (token times are seconds)
    Instant issued =
        Instant.ofEpochSecond(
            Math.max(
                Instant.now().getEpochSecond(),
                PasswordChanges.sessionsValidFrom(passwordChanged)));
    Instant expires = issued.plus(config.session().lifetime());
    String token = tokens.issue(username, UUID.randomUUID().toString(), issued, expires);
    return Response.ok(Map.of("token", token))
        .cookie(
            new NewCookie.Builder(AuthenticationFilter.COOKIE)
                .value(token)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) config.session().lifetime().toSeconds())
                .build())
        .build();
  }

  /**
   * Ends the caller's session: its token is refused from now on, until it would have expired. For a
   * user of the OIDC provider the answer's {@code logoutURL} says where the browser goes to end its
   * session there too (Argo CD's {@code /auth/logout} redirects to it), when one is configured or
   * discovered.
   */
  @DELETE
  public Response delete(@Context UriInfo uri) {
    Caller caller = current.get();
    if (caller.tokenId() != null) {
      Instant until =
          caller.expiresAt() > 0
              ? Instant.ofEpochSecond(caller.expiresAt()).plusSeconds(60)
              : Instant.now().plus(config.session().lifetime());
      tokens.revoke(caller.tokenId(), until);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (caller.fromProvider()) {
      providerLogout(current.token(), uri.getBaseUri()).ifPresent(u -> body.put("logoutURL", u));
    }
    return Response.ok(body)
        .cookie(
            new NewCookie.Builder(AuthenticationFilter.COOKIE)
                .value("")
                .path("/")
                .maxAge(0)
                .build())
        .build();
  }

  private Optional<String> providerLogout(String idToken, URI requestBase) {
    GatewayConfig.Oidc oidc = config.oidc();
    String endSession = null;
    if (oidc.logoutUrl().filter(u -> !u.isBlank()).isEmpty()) {
      try {
        endSession = provider.metadata().endSessionEndpoint();
      } catch (OidcProvider.Unavailable e) {
        // the provider cannot be asked now: the session here still ends
      }
    }
    return OidcUrls.providerLogout(
        oidc.logoutUrl(),
        endSession,
        idToken,
        OidcUrls.gatewayUrl(oidc, requestBase),
        oidc.clientId().orElse(""));
  }

  /** Whether the caller is logged in, and as whom. */
  @GET
  @Path("/userinfo")
  public Map<String, Object> userInfo() {
    Map<String, Object> out = new LinkedHashMap<>();
    current
        .find()
        .ifPresentOrElse(
            c -> {
              out.put("loggedIn", true);
              out.put("username", c.subject());
              out.put("iss", c.fromProvider() ? c.issuer() : config.session().issuer());
              out.put("groups", c.groups());
            },
            () -> out.put("loggedIn", false));
    return out;
  }
}
