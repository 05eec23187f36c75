package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.sync.SyncResult;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.OperationState;
import io.quargo.common.model.application.RetryStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Retries of a failed sync per the operation's retry strategy (the sync request's, else the app's
 * {@code syncPolicy.retry}): whether to try again, after Argo's backoff, and at which revision. A
 * retry syncs the revision the first attempt resolved, unless the strategy says {@code refresh:
 * true}: then it resolves the revision asked (the app's target when none was) again, so a commit
 * that landed meanwhile is what the retry syncs.
 */
@ApplicationScoped
class SyncRetries {

  private final ApplicationRepository apps;

  SyncRetries(ApplicationRepository apps) {
    this.apps = apps;
  }

  /** The retry strategy of {@code spec} on {@code app}: the request's, else the app's policy. */
  static RetryStrategy of(SyncSpec spec, Application app) {
    return spec.retry() != null ? spec.retry() : appRetry(app);
  }

  static RetryStrategy appRetry(Application app) {
    var policy = app.getSpec().getSyncPolicy();
    return policy == null ? null : policy.getRetry();
  }

  /**
   * Whether to try again (recording the attempt and sleeping the backoff first); false when the
   * strategy allows no more attempts.
   */
  boolean retry(AppKey key, Application app, SyncSpec spec, long attempt, String failure) {
    RetryStrategy retry = of(spec, app);
    if (retry == null) {
      return false;
    }
    long limit = retry.getLimit() == null ? 0 : retry.getLimit();
    if (limit >= 0 && attempt > limit) {
      return false;
    }
    Duration delay = backoff(retry, attempt);
    apps.mutate(
        key.namespace(),
        key.name(),
        a -> {
          OperationState state = Apps.status(a).getOperationState();
          state.setRetryCount(attempt);
          state.setMessage(failure + " (retrying attempt #" + attempt + " in " + delay + ")");
        });
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  /**
   * What the next attempt syncs: {@code spec} as asked when the strategy refreshes (or nothing was
   * resolved), else pinned to the revision {@code failed} resolved.
   */
  static SyncSpec nextAttempt(SyncSpec spec, Application app, SyncResult failed) {
    RetryStrategy retry = of(spec, app);
    if (retry != null && Boolean.TRUE.equals(retry.getRefresh())) {
      return spec;
    }
    String resolved = failed == null ? null : failed.revision();
    return resolved == null || resolved.isBlank() ? spec : spec.withRevision(resolved);
  }

  /** Argo's backoff: duration × factor^(attempt-1), at most maxDuration (5s, 2, 3m by default). */
  static Duration backoff(RetryStrategy retry, long attempt) {
    var b = retry.getBackoff();
    Duration base = GoDurations.parse(b == null ? null : b.getDuration(), Duration.ofSeconds(5));
    long factor = b == null || b.getFactor() == null ? 2 : b.getFactor();
    Duration max = GoDurations.parse(b == null ? null : b.getMaxDuration(), Duration.ofMinutes(3));
    double millis = base.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
  }
}
