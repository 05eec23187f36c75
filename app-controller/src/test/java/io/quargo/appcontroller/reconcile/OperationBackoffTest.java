package io.quargo.appcontroller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.common.model.application.Backoff;
import io.quargo.common.model.application.RetryStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Argo's retry backoff: duration × factor^(attempt-1), capped at maxDuration. */
class OperationBackoffTest {

  @Test
  void defaultsAreFiveSecondsDoublingUpToThreeMinutes() {
    RetryStrategy retry = new RetryStrategy();
    assertThat(SyncRetries.backoff(retry, 1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(SyncRetries.backoff(retry, 3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(SyncRetries.backoff(retry, 10)).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void goDurationsAreRead() {
    RetryStrategy retry = new RetryStrategy();
    Backoff backoff = new Backoff();
    backoff.setDuration("1m30s");
    backoff.setFactor(3L);
    backoff.setMaxDuration("1h");
    retry.setBackoff(backoff);
    assertThat(SyncRetries.backoff(retry, 2)).isEqualTo(Duration.ofSeconds(270));
    assertThat(GoDurations.parse("250ms", null)).isEqualTo(Duration.ofMillis(250));
    assertThat(GoDurations.parse("soon", Duration.ZERO)).isEqualTo(Duration.ZERO);
  }
}
