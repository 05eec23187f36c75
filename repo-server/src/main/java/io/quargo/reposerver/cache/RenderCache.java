package io.quargo.reposerver.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quargo.reposerver.render.RenderedManifests;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered manifests by {@link RenderKey}, bounded in memory (least recently and frequently used
 * entries go first), optionally backed by a {@link DiskRenderStore} that outlives a restart. A hit
 * touches neither Git nor a renderer; concurrent misses of one key render once; a render that fails
 * (a render limit, a template error) leaves nothing behind.
 */
public final class RenderCache {

  private final Cache<RenderKey, RenderedManifests> cache;
  private final DiskRenderStore disk;
  private final AtomicLong diskHits = new AtomicLong();

  /** An in-memory cache only. */
  public RenderCache(long maximumSize) {
    this(maximumSize, null);
  }

  /** An in-memory cache in front of {@code disk} (may be null). */
  public RenderCache(long maximumSize, DiskRenderStore disk) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    this.disk = disk;
  }

  /** The cached result for {@code key}, rendering it with {@code render} on a miss. */
  public RenderedManifests get(RenderKey key, Supplier<RenderedManifests> render) {
    return cache.get(
        key,
        k -> {
          Optional<RenderedManifests> stored = fromDisk(k);
          if (stored.isPresent()) {
            return stored.get();
          }
          RenderedManifests rendered = render.get();
          if (disk != null) {
            disk.write(k, rendered);
          }
          return rendered;
        });
  }

  /** The cached result for {@code key} in memory or on disk, without rendering. */
  public Optional<RenderedManifests> peek(RenderKey key) {
    RenderedManifests inMemory = cache.getIfPresent(key);
    if (inMemory != null) {
      return Optional.of(inMemory);
    }
    Optional<RenderedManifests> stored = fromDisk(key);
    stored.ifPresent(r -> cache.put(key, r));
    return stored;
  }

  /** The disk store, if one is configured. */
  public Optional<DiskRenderStore> disk() {
    return Optional.ofNullable(disk);
  }

  /** Hits since start (memory). */
  public long hitCount() {
    return cache.stats().hitCount();
  }

  /** Misses since start (memory): answered from disk or rendered. */
  public long missCount() {
    return cache.stats().missCount();
  }

  /** Misses in memory answered from disk since start. */
  public long diskHitCount() {
    return diskHits.get();
  }

  private Optional<RenderedManifests> fromDisk(RenderKey key) {
    if (disk == null) {
      return Optional.empty();
    }
    Optional<RenderedManifests> stored = disk.read(key);
    stored.ifPresent(r -> diskHits.incrementAndGet());
    return stored;
  }
}
