package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.config.ControllerConfig;
import io.quargo.common.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The reconcile work queue: an app queued twice before a worker takes it is reconciled once; an app
 * busy with a sync is tried again a second later. Every trigger (revision event, refresh command,
 * resync, informer) ends here.
 */
@ApplicationScoped
public class ReconcileQueue {

  private static final Logger LOG = Logger.getLogger(ReconcileQueue.class);
  private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

  private final AppReconciler reconciler;
  private volatile boolean stopping;
  private final Set<AppKey> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;
  private final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "reconcile-later"));

  public ReconcileQueue(AppReconciler reconciler, ControllerConfig config) {
    this.reconciler = reconciler;
    this.workers =
        Executors.newFixedThreadPool(
            Math.max(1, config.reconcile().workers()), r -> new Thread(r, "reconcile"));
  }

  /** Queues a reconcile of {@code key} unless one is queued already. */
  public void enqueue(AppKey key) {
    if (!stopping && queued.add(key)) {
      workers.submit(() -> run(key));
    }
  }

  /** Queues a reconcile of {@code key} after {@code delay}. */
  public void enqueueLater(AppKey key, Duration delay) {
    if (stopping) {
      return;
    }
    later.schedule(() -> enqueue(key), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many apps wait for a worker. */
  public int size() {
    return queued.size();
  }

  private void run(AppKey key) {
    queued.remove(key);
    if (stopping) {
      return;
    }
    try {
      if (!reconciler.tryReconcile(key)) {
        enqueueLater(key, BUSY_RETRY);
      }
    } catch (ProblemException e) {
      LOG.debugf("reconcile of %s stopped: %s", key, e.getMessage()); // e.g. deleted meanwhile
    } catch (RuntimeException e) {
      LOG.errorf(e, "reconcile of %s failed", key);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
    stop();
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
    later.shutdownNow();
  }
}
