package io.quargo.gateway.application;

import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.client.RawJson;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The filtered application list each caller was last answered, kept for a moment ({@code
 * quargo.gateway.application-list.cache-ttl}, 1 s; 0 turns it off): a UI that polls, or many
 * clients of one account, cost one fetch from app-controller and one RBAC pass per interval instead
 * of one per request. Concurrent askers of an absent list wait for the one fetch under way. Once a
 * list is older than the interval it is fetched again in the background while every asker is
 * answered the previous list at once (for at most {@link #STALE_TTLS} intervals, after which askers
 * wait for one fresh fetch), so no client ever waits for a refresh of a list it could be answered.
 * Any write through the gateway drops every entry ({@link #invalidate}), so a caller sees its own
 * changes at once; an app event from Kafka only makes every entry due ({@link #expire}): a stream
 * of events from many reconciling apps costs one background fetch per interval, not one per
 * request.
 */
@ApplicationScoped
public class ApplicationListCache {

  /** Entries kept before all are forgotten. */
  static final int MAX_ENTRIES = 10_000;

  /**
   * How many intervals past its time a list may still be answered while a fresher one is fetched.
   */
  static final int STALE_TTLS = 10;

  /**
   * Whose list under which query: RBAC depends on the whole caller (subject, groups, token); a null
   * caller is the unfiltered list, shared by every caller who may see every app.
   */
  record Key(Caller caller, String query) {}

  private record Entry(
      CompletableFuture<RawJson> answer, long expiresAtNanos, AtomicBoolean refreshing) {
    Entry(long expiresAtNanos) {
      this(new CompletableFuture<>(), expiresAtNanos, new AtomicBoolean());
    }
  }

  private static final Logger LOG = Logger.getLogger(ApplicationListCache.class);

  private final long ttlNanos;
  private final LongSupplier clock;
  private final Executor refresher;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  // entries made before this (nanoTime) are due, whatever their interval says
  private volatile long dueBefore;

  @Inject
  public ApplicationListCache(
      @ConfigProperty(name = "quargo.gateway.application-list.cache-ttl", defaultValue = "1s")
          Duration ttl) {
    this(ttl, System::nanoTime, Infrastructure.getDefaultWorkerPool());
  }

  ApplicationListCache(Duration ttl, LongSupplier clock, Executor refresher) {
    this.ttlNanos = ttl.toNanos();
    this.clock = clock;
    this.refresher = refresher;
    this.dueBefore = clock.getAsLong();
  }

  /** The cached answer for {@code key}, or {@code compute}'s, which is kept for the interval. */
  public RawJson get(Key key, Supplier<RawJson> compute) {
    if (ttlNanos <= 0) {
      return compute.get();
    }
    long now = clock.getAsLong();
    Entry entry = entries.get(key);
    if (entry != null) {
      long late = now - entry.expiresAtNanos();
      boolean due = late > 0 || entry.expiresAtNanos() - ttlNanos - dueBefore < 0;
      if (!due || !entry.answer().isDone()) {
        return join(entry);
      }
      if (late > STALE_TTLS * ttlNanos) {
        // too old to answer: as if absent, the others wait for this one fetch
        Entry mine = new Entry(now + ttlNanos);
        return entries.replace(key, entry, mine)
            ? fill(key, null, mine, compute)
            : get(key, compute);
      }
      if (entry.refreshing().compareAndSet(false, true)) {
        refreshInBackground(key, entry, new Entry(now + ttlNanos), compute);
      }
      return join(entry);
    }
    Entry mine = new Entry(now + ttlNanos);
    Entry raced = entries.putIfAbsent(key, mine);
    if (raced != null) {
      return join(raced);
    }
    if (entries.size() > MAX_ENTRIES) {
      entries.clear();
    }
    return fill(key, null, mine, compute);
  }

  /**
   * Computes the answer into {@code mine}, which takes the place of {@code old} (null: it is in the
   * map already) unless something changed meanwhile.
   */
  private RawJson fill(Key key, Entry old, Entry mine, Supplier<RawJson> compute) {
    long seen = generation.get();
    try {
      RawJson answer = compute.get();
      mine.answer().complete(answer);
      if (old != null) {
        entries.replace(key, old, mine);
      }
      if (generation.get() != seen) {
        entries.remove(key, mine);
      }
      return answer;
    } catch (RuntimeException | Error e) {
      if (old == null) {
        entries.remove(key, mine);
      } else {
        old.refreshing().set(false);
      }
      mine.answer().completeExceptionally(e);
      throw e;
    }
  }

  /**
   * Fetches a fresher list for {@code old} on the worker pool; a list that was answered gzipped is
   * compressed there too, so no asker pays for it.
   */
  private void refreshInBackground(Key key, Entry old, Entry mine, Supplier<RawJson> compute) {
    boolean compress = old.answer().join().hasGzipped();
    Runnable refresh =
        () -> {
          try {
            fill(key, old, mine, compress ? () -> compressed(compute.get()) : compute);
          } catch (RuntimeException | Error e) {
            LOG.debugf(e, "refreshing the application list failed; the previous one is answered");
          }
        };
    try {
      refresher.execute(refresh);
    } catch (RejectedExecutionException e) {
      old.refreshing().set(false);
    }
  }

  private static RawJson compressed(RawJson answer) {
    if (answer.worthCompressing()) {
      answer.gzipped();
    }
    return answer;
  }

  private static RawJson join(Entry entry) {
    try {
      return entry.answer().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Makes every answer due (someone else changed an app): the next asker of each fetches it again,
   * and the others are answered it meanwhile.
   */
  public void expire() {
    dueBefore = clock.getAsLong();
  }

  /** Forgets every answer (something changed through this gateway: its caller must see it). */
  public void invalidate() {
    generation.incrementAndGet();
    entries.clear();
  }
}
