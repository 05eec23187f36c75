package io.quargo.gateway.auth;

import java.util.List;
import java.util.Optional;

/**
 * Who sent a request, from a verified token: a local account, a project role ({@code
 * proj:<project>:<role>}) or a user of the OIDC provider.
 *
 * @param subject the token's {@code sub}; for a provider's ID token, its username claim
 * @param groups group claims (none for local accounts)
 * @param tokenId the id the token is revoked under: the gateway's tokens' {@code jti}; for a
 *     provider's ID token, the id {@link OidcTokenVerifier} derives from its issuer and {@code jti}
 * @param issuedAt the token's {@code iat}, in seconds
 * @param expiresAt the token's {@code exp}, in seconds; 0 when unknown
 * @param issuer the OIDC provider's issuer for its ID tokens; null for the gateway's own tokens
 */
public record Caller(
    String subject,
    List<String> groups,
    String tokenId,
    long issuedAt,
    long expiresAt,
    String issuer) {

  /** A project role a token was issued for. */
  public record ProjectRoleRef(String project, String role) {}

  public Caller {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** A caller of one of the gateway's own tokens. */
  public Caller(String subject, List<String> groups, String tokenId, long issuedAt) {
    this(subject, groups, tokenId, issuedAt, 0, null);
  }

  /** Whether the token is an OIDC provider's ID token rather than one the gateway signed. */
  public boolean fromProvider() {
    return issuer != null;
  }

  /** The project role when this is a project token. */
  public Optional<ProjectRoleRef> projectRole() {
    if (!subject.startsWith("proj:")) {
      return Optional.empty();
    }
    String[] parts = subject.split(":", 3);
    return parts.length == 3
        ? Optional.of(new ProjectRoleRef(parts[1], parts[2]))
        : Optional.empty();
  }
}
