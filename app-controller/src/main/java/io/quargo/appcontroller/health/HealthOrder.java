package io.quargo.appcontroller.health;

import io.quargo.common.model.HealthStatusCode;
import java.util.List;

/**
 * Argo's ranking of health codes, most healthy first: Healthy, Suspended, Progressing, Missing,
 * Degraded, Unknown (gitops-engine {@code healthOrder} / {@code IsWorse}).
 */
public final class HealthOrder {

  private static final List<HealthStatusCode> ORDER =
      List.of(
          HealthStatusCode.HEALTHY,
          HealthStatusCode.SUSPENDED,
          HealthStatusCode.PROGRESSING,
          HealthStatusCode.MISSING,
          HealthStatusCode.DEGRADED,
          HealthStatusCode.UNKNOWN);

  private HealthOrder() {}

  /** The rank of {@code code}: 0 for Healthy up to 5 for Unknown. */
  public static int rank(HealthStatusCode code) {
    return ORDER.indexOf(code);
  }

  /** True when {@code candidate} is a worse condition than {@code current}. */
  public static boolean isWorse(HealthStatusCode current, HealthStatusCode candidate) {
    return rank(candidate) > rank(current);
  }
}
