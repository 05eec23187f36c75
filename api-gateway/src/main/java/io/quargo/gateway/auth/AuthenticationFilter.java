package io.quargo.gateway.auth;

import io.quargo.common.problem.Problem;
import io.quargo.common.problem.Problems;
import io.quargo.gateway.account.AccountTokens;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the caller from a bearer token or the {@code argocd.token} cookie (as Argo CD's UI sends
 * it) and refuses every API route but login, version, settings and userinfo without one (401).
 */
public class AuthenticationFilter {

  /** The cookie Argo CD's UI keeps its session token in. */
  public static final String COOKIE = "argocd.token";

  private static final Set<String> PUBLIC =
      Set.of("/api/v1/session", "/api/version", "/api/v1/settings", "/api/v1/session/userinfo");

  private final TokenService tokens;
  private final CurrentCaller current;
  private final OidcTokenVerifier oidc;
  private final AccountTokens accountTokens;
  private final PasswordChanges passwordChanges;

  public AuthenticationFilter(
      TokenService tokens,
      CurrentCaller current,
      OidcTokenVerifier oidc,
      AccountTokens accountTokens,
      PasswordChanges passwordChanges) {
    this.tokens = tokens;
    this.current = current;
    this.oidc = oidc;
    this.accountTokens = accountTokens;
    this.passwordChanges = passwordChanges;
  }

  @ServerRequestFilter
  public Optional<Response> authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    Optional<String> token = token(request);
    Optional<Caller> caller = Optional.empty();
    String refused = null;
    if (token.isPresent() && oidc.claims(token.get())) {
      try {
        caller = Optional.of(oidc.verify(token.get()));
      } catch (OidcTokenVerifier.RejectedToken e) {
        refused = e.getMessage();
      }
    } else {
      caller = token.flatMap(tokens::verify);
      if (caller.isPresent() && endedByPasswordChange(caller.get())) {
        caller = Optional.empty();
        refused = PasswordChanges.REFUSAL;
      }
      // an account's API token is honoured only while stored and the account may have it
      caller = caller.flatMap(accountTokens::admit);
    }
    caller.ifPresent(c -> current.set(c, token.get()));
    boolean open =
        PUBLIC.contains(path)
            && !(path.equals("/api/v1/session") && request.getMethod().equals("DELETE"));
    if (caller.isPresent() || open || !path.startsWith("/api/")) {
      return Optional.empty();
    }
    String detail =
        refused != null
            ? refused
            : token.isPresent()
                ? "the token is invalid, expired or revoked; log in again with POST /api/v1/session"
                : "no token: log in with POST /api/v1/session and send \"Authorization: Bearer <token>\""
                    + " or the argocd.token cookie";
    return Optional.of(
        Response.fromResponse(Problems.response(Problem.of(401, detail).at(path)))
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .build());
  }

  /**
   * Whether a local account's token was issued before its password changed, as Argo CD's session
   * manager checks: its sessions (from {@code POST /api/v1/session}) and its API tokens ({@code
   * <name>:apiKey}) alike. Project tokens belong to a project role, not an account, and stay valid.
   */
  private boolean endedByPasswordChange(Caller caller) {
    if (caller.projectRole().isPresent()) {
      return false;
    }
    String subject = caller.subject();
    String account =
        subject.endsWith(AccountTokens.SUBJECT_SUFFIX)
            ? subject.substring(0, subject.length() - AccountTokens.SUBJECT_SUFFIX.length())
            : subject;
    return passwordChanges.endedSession(account, caller.issuedAt());
  }

  private static Optional<String> token(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).trim()).filter(t -> !t.isEmpty());
    }
    Cookie cookie = request.getCookies().get(COOKIE);
    return cookie == null || cookie.getValue().isBlank()
        ? Optional.empty()
        : Optional.of(cookie.getValue());
  }
}
