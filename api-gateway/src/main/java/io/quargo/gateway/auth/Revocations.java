package io.quargo.gateway.auth;

import io.quargo.gateway.config.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens ended by logout, by the id they are revoked under (a session's {@code jti}, or the id
 * {@link OidcTokenVerifier} gives a provider's ID token), refused until they would have expired.
 * Kept in {@code revoked_token}: read at start, so a restart still refuses them, and re-read every
 * {@code quargo.gateway.session.revocation-refresh} (2 s), so a logout through one gateway replica
 * holds on the others too. Checking a token costs a map lookup, never a query.
 */
@ApplicationScoped
public class Revocations {

  /** Revoked ids and when the token would have expired anyway. */
  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

  private final StoreReread reread;

  public Revocations(GatewayConfig config) {
    this.reread =
        new StoreReread("revoked tokens", this::refresh, config.session().revocationRefresh());
  }

  void onStart(@Observes StartupEvent event) {
    QuarkusTransaction.requiringNew()
        .run(() -> RevokedToken.delete("expiresAt < ?1", Instant.now()));
    refresh();
    reread.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    reread.stop();
  }

  /** Whether the token revoked under {@code id} was ended by logout. */
  public boolean contains(String id) {
    return id != null && revoked.containsKey(id);
  }

  /** Refuses the token revoked under {@code id} from now on, until {@code expiresAt}. */
  public void revoke(String id, Instant expiresAt) {
    revoked.put(id, expiresAt);
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

  /** Adds the revocations stored by any replica and forgets those past their expiry. */
  void refresh() {
    Instant now = Instant.now();
    List<RevokedToken> stored =
        QuarkusTransaction.requiringNew()
            .call(() -> RevokedToken.<RevokedToken>list("expiresAt >= ?1", now));
    stored.forEach(t -> revoked.putIfAbsent(t.jti, t.expiresAt));
    revoked.values().removeIf(expiresAt -> expiresAt != null && expiresAt.isBefore(now));
  }
}
