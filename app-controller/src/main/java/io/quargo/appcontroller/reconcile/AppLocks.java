package io.quargo.appcontroller.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per app, so a reconcile and a sync of the same app never interleave in this controller
 * (other replicas own other apps through Kafka partitions).
 */
@ApplicationScoped
public class AppLocks {

  private final ConcurrentHashMap<AppKey, ReentrantLock> locks = new ConcurrentHashMap<>();

  public ReentrantLock of(AppKey key) {
    return locks.computeIfAbsent(key, k -> new ReentrantLock());
  }
}
