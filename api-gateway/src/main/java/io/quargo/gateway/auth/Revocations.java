package io.quargo.gateway.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens ended by logout, by the id they are revoked under (a session's {@code jti}, or the id
 * {@link OidcTokenVerifier} gives a provider's ID token), refused until they would have expired.
 * Kept in {@code revoked_token} and read at start, so a restart still refuses them.
 */
@ApplicationScoped
public class Revocations {

  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  void onStart(@Observes StartupEvent event) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              RevokedToken.delete("expiresAt < ?1", Instant.now());
              RevokedToken.<RevokedToken>streamAll().forEach(t -> revoked.add(t.jti));
            });
  }

  /** Whether the token revoked under {@code id} was ended by logout. */
  public boolean contains(String id) {
    return id != null && revoked.contains(id);
  }

  /** Refuses the token revoked under {@code id} from now on, until {@code expiresAt}. */
  public void revoke(String id, Instant expiresAt) {
    revoked.add(id);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (RevokedToken.findById(id) == null) {
                RevokedToken t = new RevokedToken();
                t.jti = id;
                t.expiresAt = expiresAt;
                t.persist();
              }
            });
  }
}
