package io.quargo.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.client.RawJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One fetch per interval, stale lists while a refresh runs in the background, writes seen at once.
 */
class ApplicationListCacheTest {

  private static final Duration TTL = Duration.ofSeconds(1);
  private static final ApplicationListCache.Key KEY =
      new ApplicationListCache.Key(new Caller("alice", List.of(), "t1", 0), "");

  private final AtomicLong now = new AtomicLong();
  private final ExecutorService background = Executors.newCachedThreadPool();
  private final ApplicationListCache cache = new ApplicationListCache(TTL, now::get, background);
  private final AtomicInteger fetches = new AtomicInteger();

  private Supplier<RawJson> fetch(String text) {
    return () -> {
      fetches.incrementAndGet();
      return list(text);
    };
  }

  private static RawJson list(String text) {
    return new RawJson(text.getBytes(StandardCharsets.UTF_8), null);
  }

  private static String text(RawJson json) {
    return new String(json.bytes(), StandardCharsets.UTF_8);
  }

  /** A fetch of {@code text} that starts, then waits until the test releases it. */
  private static final class HeldFetch implements Supplier<RawJson> {
    private final String text;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HeldFetch(String text) {
      this.text = text;
    }

    @Override
    public RawJson get() {
      started.countDown();
      try {
        released.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return list(text);
    }

    void awaitStarted() throws InterruptedException {
      assertThat(started.await(10, TimeUnit.SECONDS)).as("the fetch started").isTrue();
    }

    void release() {
      released.countDown();
    }
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  @Test
  void withinTheIntervalTheListIsFetchedOnce() {
    assertThat(text(cache.get(KEY, fetch("v1")))).isEqualTo("v1");
    now.addAndGet(TTL.toNanos() / 2);
    assertThat(text(cache.get(KEY, fetch("v2")))).isEqualTo("v1");
    assertThat(fetches).hasValue(1);
  }

  @Test
  void concurrentAskersOfAnAbsentListWaitForTheOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Supplier<RawJson> slow =
        () -> {
          fetches.incrementAndGet();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return list("v1");
        };
    List<CompletableFuture<RawJson>> askers =
        List.of(
            CompletableFuture.supplyAsync(() -> cache.get(KEY, slow)),
            CompletableFuture.supplyAsync(() -> cache.get(KEY, slow)),
            CompletableFuture.supplyAsync(() -> cache.get(KEY, slow)));
    await().until(() -> fetches.get() >= 1);
    release.countDown();
    for (CompletableFuture<RawJson> asker : askers) {
      assertThat(text(asker.get(10, TimeUnit.SECONDS))).isEqualTo("v1");
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void pastTheIntervalEveryAskerGetsThePreviousListWhileAFresherOneIsFetchedInTheBackground()
      throws Exception {
    cache.get(KEY, fetch("v1"));
    now.addAndGet(TTL.toNanos() + 1);
    HeldFetch held = new HeldFetch("v2");
    // the asker that finds the list due is answered at once, not after the held fetch
    assertThat(text(cache.get(KEY, held))).isEqualTo("v1");
    held.awaitStarted();

    assertThat(text(cache.get(KEY, fetch("never")))).isEqualTo("v1");
    assertThat(fetches).hasValue(1);

    held.release();
    await().untilAsserted(() -> assertThat(text(cache.get(KEY, fetch("never")))).isEqualTo("v2"));
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aFailedBackgroundRefreshKeepsThePreviousListAndTheNextAskerTriesAgain() {
    cache.get(KEY, fetch("v1"));
    now.addAndGet(TTL.toNanos() + 1);
    AtomicInteger failures = new AtomicInteger();
    Supplier<RawJson> failing =
        () -> {
          failures.incrementAndGet();
          throw new IllegalStateException("app-controller unreachable");
        };
    assertThat(text(cache.get(KEY, failing))).isEqualTo("v1");
    await().untilAtomic(failures, equalTo(1));
    await().untilAsserted(() -> assertThat(text(cache.get(KEY, fetch("v2")))).isEqualTo("v2"));
    assertThat(fetches).as("one asker refreshed after the failure").hasValue(2);
  }

  @Test
  void aListAnsweredGzippedIsCompressedInTheBackgroundToo() {
    String big = "x".repeat(RawJson.COMPRESS_AT_LEAST);
    cache.get(KEY, fetch("v1" + big)).gzipped();
    now.addAndGet(TTL.toNanos() + 1);
    cache.get(KEY, fetch("v2" + big));
    await().untilAsserted(() -> assertThat(text(cache.get(KEY, fetch("never")))).startsWith("v2"));
    assertThat(cache.get(KEY, fetch("never")).hasGzipped()).isTrue();
  }

  @Test
  void aListTooFarPastItsIntervalIsNotAnsweredStaleAndIsFetchedOnce() throws Exception {
    cache.get(KEY, fetch("v1"));
    now.addAndGet(TTL.toNanos() * (ApplicationListCache.STALE_TTLS + 2));
    HeldFetch held = new HeldFetch("v2");
    CompletableFuture<RawJson> first = CompletableFuture.supplyAsync(() -> cache.get(KEY, held));
    held.awaitStarted();
    CompletableFuture<RawJson> second =
        CompletableFuture.supplyAsync(() -> cache.get(KEY, fetch("never")));
    // the second asker waits for the first's fetch instead of fetching too
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(fetches).hasValue(1);
              assertThat(second).isNotDone();
            });
    held.release();
    assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("v2");
    assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("v2");
    assertThat(fetches).hasValue(1);
  }

  @Test
  void anAppEventMakesTheListDueSoItIsFetchedInTheBackgroundWhileAskersGetThePreviousOne()
      throws Exception {
    cache.get(KEY, fetch("v1"));
    now.addAndGet(1);
    cache.expire();
    now.addAndGet(1);
    HeldFetch held = new HeldFetch("v2");
    assertThat(text(cache.get(KEY, held))).isEqualTo("v1");
    held.awaitStarted();
    assertThat(text(cache.get(KEY, fetch("never")))).isEqualTo("v1");
    held.release();
    await().untilAsserted(() -> assertThat(text(cache.get(KEY, fetch("never")))).isEqualTo("v2"));
    assertThat(fetches).hasValue(1);
  }

  @Test
  void afterAChangeTheNextAskerWaitsForAFreshList() {
    cache.get(KEY, fetch("v1"));
    cache.invalidate();
    assertThat(text(cache.get(KEY, fetch("v2")))).isEqualTo("v2");
    assertThat(fetches).hasValue(2);
  }
}
