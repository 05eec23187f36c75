package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;

/**
 * Renews a session of {@code quargo login --sso} as argocd does: redeems the stored refresh token
 * at the SSO provider's token endpoint ({@code grant_type=refresh_token}, the CLI's client id) and
 * stores the new ID token, and the new refresh token when the provider gave one (else the old one
 * stays). {@link Connection} asks for it when the stored ID token has expired, and {@link
 * GatewayClient} when a call answers 401.
 */
final class SsoRenewal implements GatewayClient.Renewal {
  private final URI gateway;
  private final ConfigStore config;
  private ConfigStore.Entry entry;

  /** For {@code entry}, what login stored: its token and refresh token. */
  SsoRenewal(URI gateway, ConfigStore config, ConfigStore.Entry entry) {
    this.gateway = gateway;
    this.config = config;
    this.entry = entry;
  }

  /** The ID token to send: the stored one, or the last renewed. */
  synchronized String token() {
    return entry.authToken();
  }

  /** Whether {@code token} is a JWT whose {@code exp} has passed (argocd's check before a call). */
  static boolean expired(String token, Instant now) {
    if (token == null || token.chars().filter(c -> c == '.').count() != 2) {
      return false;
    }
    try {
      JsonNode exp = SsoLogin.claims(token).path("exp");
      return exp.canConvertToLong() && exp.asLong() <= now.getEpochSecond();
    } catch (CliException notReadable) {
      return false;
    }
  }

  /** Redeems the refresh token, stores the new tokens and answers the new ID token. */
  @Override
  public synchronized String renew() {
    try {
      GatewayClient anonymous = new GatewayClient(gateway, null);
      JsonNode oidc = anonymous.get("/api/v1/settings").path("oidcConfig");
      SsoProvider.Tokens tokens = SsoLogin.provider(oidc, anonymous).refresh(entry.refreshToken());
      entry =
          new ConfigStore.Entry(
              entry.server(),
              entry.username(),
              tokens.idToken(),
              entry.plaintext(),
              tokens.refreshToken() != null ? tokens.refreshToken() : entry.refreshToken());
      config.write(entry);
      return entry.authToken();
    } catch (GatewayException | CliException e) {
      throw new CliException(
          "the SSO session of '"
              + entry.username()
              + "' has expired and cannot be renewed: "
              + e.getMessage(),
          e);
    }
  }
}
