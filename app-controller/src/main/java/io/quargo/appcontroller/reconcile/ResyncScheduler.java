package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.config.ControllerConfig;
import io.quargo.appcontroller.messaging.PartitionOwnership;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The periodic resync, which also fails operations abandoned by a stopped controller (Argo's {@code
 * timeout.reconciliation}): every few seconds, queues the apps whose last reconcile is older than
 * the resync period plus the app's own jitter (a share of {@code quargo.reconcile.resync-jitter} by
 * name hash, so apps spread out instead of all at once). Each replica resyncs only the apps it owns
 * ({@link PartitionOwnership}: the key's partition of {@code quargo.app.commands} is assigned to
 * it), so replicas share the work and a stopped replica's apps move to the survivors.
 */
@ApplicationScoped
public class ResyncScheduler {

  private final ApplicationRepository apps;
  private final ReconcileQueue queue;
  private final OperationRunner operations;
  private final PartitionOwnership ownership;
  private final Duration period;
  private final Duration jitter;

  public ResyncScheduler(
      ApplicationRepository apps,
      ReconcileQueue queue,
      OperationRunner operations,
      ControllerConfig config,
      PartitionOwnership ownership) {
    this.ownership = ownership;
    this.apps = apps;
    this.queue = queue;
    this.operations = operations;
    this.period = config.reconcile().resyncPeriod();
    this.jitter = config.reconcile().resyncJitter();
  }

  @Scheduled(
      every = "${quargo.reconcile.resync-check:10s}",
      delayed = "${quargo.reconcile.resync-check:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void resync() {
    operations.failAbandoned();
    Instant now = Instant.now();
    for (Object[] row : apps.reconcileTimes()) {
      AppKey key = new AppKey((String) row[0], (String) row[1]);
      if (ownership.owns(key) && due(key, (String) row[2], now)) {
        queue.enqueue(key);
      }
    }
  }

  /** Whether {@code key}, last reconciled at {@code reconciledAt} (null: never), is due. */
  boolean due(AppKey key, String reconciledAt, Instant now) {
    if (reconciledAt == null) {
      return true;
    }
    Instant last;
    try {
      last = Instant.parse(reconciledAt);
    } catch (DateTimeParseException e) {
      return true;
    }
    long share = Math.floorMod(key.toString().hashCode(), 1000);
    Duration own = period.plus(jitter.multipliedBy(share).dividedBy(1000));
    return !last.plus(own).isAfter(now);
  }
}
