package io.quargo.gateway.application;

import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.client.RawJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The filtered application list each caller was last answered, kept for a moment ({@code
 * quargo.gateway.application-list.cache-ttl}, 1 s; 0 turns it off): a UI that polls, or many
 * clients of one account, cost one fetch from app-controller and one RBAC pass per interval instead
 * of one per request, and concurrent askers wait for the one fetch under way. Any write through the
 * gateway and any app event from Kafka drops every entry, so a caller sees its own changes at once
 * and others' within the interval.
 */
@ApplicationScoped
public class ApplicationListCache {

  /** Entries kept before all are forgotten. */
  static final int MAX_ENTRIES = 10_000;

  /** Whose list under which query: RBAC depends on the whole caller (subject, groups, token). */
  record Key(Caller caller, String query) {}

  private record Entry(CompletableFuture<RawJson> answer, long expiresAtNanos) {}

  private final long ttlNanos;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  public ApplicationListCache(
      @ConfigProperty(name = "quargo.gateway.application-list.cache-ttl", defaultValue = "1s")
          Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  /** The cached answer for {@code key}, or {@code compute}'s, which is kept for the interval. */
  public RawJson get(Key key, Supplier<RawJson> compute) {
    if (ttlNanos <= 0) {
      return compute.get();
    }
    long now = System.nanoTime();
    Entry entry = entries.get(key);
    if (entry == null || now - entry.expiresAtNanos() > 0) {
      long seen = generation.get();
      Entry mine = new Entry(new CompletableFuture<>(), now + ttlNanos);
      boolean won =
          entry == null
              ? entries.putIfAbsent(key, mine) == null
              : entries.replace(key, entry, mine);
      if (!won) {
        return compute.get();
      }
      if (entries.size() > MAX_ENTRIES) {
        entries.clear();
      }
      try {
        RawJson answer = compute.get();
        mine.answer().complete(answer);
        if (generation.get() != seen) {
          entries.remove(key, mine);
        }
        return answer;
      } catch (RuntimeException | Error e) {
        entries.remove(key, mine);
        mine.answer().completeExceptionally(e);
        throw e;
      }
    }
    try {
      return entry.answer().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Forgets every answer (something changed). */
  public void invalidate() {
    generation.incrementAndGet();
    entries.clear();
  }
}
