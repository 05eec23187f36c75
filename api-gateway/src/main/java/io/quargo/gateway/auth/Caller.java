package io.quargo.gateway.auth;

import java.util.List;
import java.util.Optional;

/**
 * Who sent a request, from a verified token: a local account or a project role ({@code
 * proj:<project>:<role>}).
 *
 * @param subject the token's {@code sub}
 * @param groups group claims (none for local accounts)
 * @param tokenId the token's {@code jti}
 * @param issuedAt the token's {@code iat}, in seconds
 */
public record Caller(String subject, List<String> groups, String tokenId, long issuedAt) {

  /** A project role a token was issued for. */
  public record ProjectRoleRef(String project, String role) {}

  public Caller {
    groups = groups == null ? List.of() : List.copyOf(groups);
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
