package io.quargo.gateway.auth;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Re-reads what other gateway replicas store (revoked tokens, password changes) on a daemon thread
 * every {@code quargo.gateway.session.revocation-refresh}, so what one replica records holds on all
 * of them within that interval. A failed read is logged and tried again at the next tick.
 */
final class StoreReread {

  private static final Logger LOG = Logger.getLogger(StoreReread.class);

  private final String what;
  private final Runnable reread;
  private final long intervalMillis;
  private final ScheduledExecutorService scheduler;

  /**
   * @param what what is re-read, for the thread's name and the log ("revoked tokens")
   * @param reread reads the store into memory
   * @param interval how often; at least 100 ms
   */
  StoreReread(String what, Runnable reread, Duration interval) {
    this.what = what;
    this.reread = reread;
    this.intervalMillis = Math.max(100, interval.toMillis());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "reread " + what);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts re-reading, the first time one interval from now. */
  void start() {
    scheduler.scheduleWithFixedDelay(
        this::rereadQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  void stop() {
    scheduler.shutdownNow();
  }

  private void rereadQuietly() {
    try {
      reread.run();
    } catch (RuntimeException e) {
      LOG.warnf("cannot re-read %s (will retry): %s", what, e.getMessage());
    }
  }
}
