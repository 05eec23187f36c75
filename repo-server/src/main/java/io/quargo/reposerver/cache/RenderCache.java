package io.quargo.reposerver.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quargo.reposerver.render.RenderedManifests;
import java.util.function.Supplier;

/**
 * Rendered manifests by {@link RenderKey}, bounded in memory (least recently and frequently used
 * entries go first). A hit touches neither Git nor a renderer; concurrent misses of one key render
 * once.
 */
public final class RenderCache {

  private final Cache<RenderKey, RenderedManifests> cache;

  public RenderCache(long maximumSize) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
  }

  /** The cached result for {@code key}, rendering it with {@code render} on a miss. */
  public RenderedManifests get(RenderKey key, Supplier<RenderedManifests> render) {
    return cache.get(key, k -> render.get());
  }

  /** Hits since start. */
  public long hitCount() {
    return cache.stats().hitCount();
  }

  /** Misses (renders) since start. */
  public long missCount() {
    return cache.stats().missCount();
  }
}
