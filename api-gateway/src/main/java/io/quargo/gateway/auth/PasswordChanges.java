package io.quargo.gateway.auth;

import io.quargo.gateway.account.Account;
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
 * When each local account's password last changed ({@code account.password_mtime}), so that, as in
 * Argo CD, a session issued before the change is refused ("account password has changed since token
 * issued"). Read at start and re-read every {@code quargo.gateway.session.revocation-refresh} (2
 * s), so a change made through one gateway replica ends the sessions on the others too. Checking a
 * session costs a map lookup, never a query.
 *
 * <p>Token times are whole seconds ({@code iat}), a change is not: a session counts as issued after
 * the change only from the second after it ({@link #sessionsValidFrom}), a login in the second of a
 * change gets that second as its {@code iat}, and a change right after such a login is recorded at
 * that second at the earliest, so it ends that session too.
 */
@ApplicationScoped
public class PasswordChanges {

  /** Why a session is refused, as Argo CD words it. */
  public static final String REFUSAL =
      "account password has changed since token issued; log in again with the new password";

  private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();
  private final StoreReread reread;

  public PasswordChanges(GatewayConfig config) {
    this.reread =
        new StoreReread("password changes", this::refresh, config.session().revocationRefresh());
  }

  void onStart(@Observes StartupEvent event) {
    refresh();
    reread.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    reread.stop();
  }

  /**
   * The first {@code iat} (epoch second) a session of an account whose password changed at {@code
   * mtime} may carry; 0 when it never changed.
   */
  public static long sessionsValidFrom(Instant mtime) {
    return mtime == null ? 0 : mtime.getEpochSecond() + 1;
  }

  /** Records a change made here (after it committed), so it holds here at once. */
  public void changed(String account, Instant mtime) {
    changedAt.merge(account, mtime, (a, b) -> a.isAfter(b) ? a : b);
  }

  /**
   * Whether a session of {@code account} issued at {@code issuedAt} (epoch second) predates the
   * account's last password change.
   */
  public boolean endedSession(String account, long issuedAt) {
    return issuedAt < sessionsValidFrom(changedAt.get(account));
  }

  /** Adds the changes stored by any replica. */
  void refresh() {
    List<Object[]> stored =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Account.getEntityManager()
                        .createQuery(
                            "select a.name, a.passwordMtime from Account a"
                                + " where a.passwordMtime is not null",
                            Object[].class)
                        .getResultList());
    for (Object[] row : stored) {
      changed((String) row[0], (Instant) row[1]);
    }
  }
}
