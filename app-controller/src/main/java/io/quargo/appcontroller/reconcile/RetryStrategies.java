package io.quargo.appcontroller.reconcile;

import io.quargo.common.model.application.RetryStrategy;
import io.quargo.common.problem.ProblemException;

/** Checks a sync request's {@code retryStrategy} before it is used, naming a bad field. */
public final class RetryStrategies {

  private RetryStrategies() {}

  /** {@code retry} when its backoff is readable (null stays null); else 400 naming the field. */
  public static RetryStrategy checked(RetryStrategy retry) {
    if (retry == null || retry.getBackoff() == null) {
      return retry;
    }
    var backoff = retry.getBackoff();
    duration(backoff.getDuration(), "retryStrategy.backoff.duration");
    duration(backoff.getMaxDuration(), "retryStrategy.backoff.maxDuration");
    if (backoff.getFactor() != null && backoff.getFactor() < 1) {
      throw ProblemException.invalid(
          "retryStrategy.backoff.factor",
          "must be 1 or more (each retry waits duration × factor^attempt), not "
              + backoff.getFactor());
    }
    return retry;
  }

  private static void duration(String text, String field) {
    if (text != null && !text.isBlank() && GoDurations.parse(text, null) == null) {
      throw ProblemException.invalid(
          field, "\"%s\" is not a duration; write it as Argo does: 5s, 3m, 1h30m".formatted(text));
    }
  }
}
