package io.quargo.gateway.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature, issuer and expiry {@link TokenService} already checked, each until the
 * moment it stops being accepted. Bounded: when full, expired entries go first, then everything (a
 * forgotten token is only verified again).
 */
final class VerifiedTokens {

  static final int MAX = 10_000;

  private record Entry(Caller caller, long validUntilEpochSecond) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The caller of {@code token} if it was verified and is still valid at {@code now}. */
  Optional<Caller> find(String token, long now) {
    Entry e = entries.get(token);
    if (e == null) {
      return Optional.empty();
    }
    if (now > e.validUntilEpochSecond()) {
      entries.remove(token, e);
      return Optional.empty();
    }
    return Optional.of(e.caller());
  }

  /** Remembers a verified token, accepted until {@code validUntilEpochSecond} (inclusive). */
  void remember(String token, Caller caller, long validUntilEpochSecond) {
    if (entries.size() >= MAX) {
      long now = System.currentTimeMillis() / 1000;
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        if (now > it.next().validUntilEpochSecond()) {
          it.remove();
        }
      }
      if (entries.size() >= MAX) {
        entries.clear();
      }
    }
    entries.put(token, new Entry(caller, validUntilEpochSecond));
  }
}
