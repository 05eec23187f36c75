package io.quargo.appcontroller.sync;

import java.time.Duration;

/**
 * Engine settings: how long a wave may take to become healthy (and a hook to complete), how often
 * to poll while waiting, the field manager for server-side apply, and the apply mode.
 */
public record SyncConfig(
    Duration healthTimeout, Duration pollInterval, String fieldManager, ApplyMode applyMode) {

  /** Argo CD's field manager name is argocd-controller; ours is {@value}. */
  public static final String FIELD_MANAGER = "quargo-controller";

  public SyncConfig {
    healthTimeout = healthTimeout == null ? Duration.ofMinutes(5) : healthTimeout;
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    fieldManager = fieldManager == null || fieldManager.isBlank() ? FIELD_MANAGER : fieldManager;
    applyMode = applyMode == null ? ApplyMode.AUTO : applyMode;
  }

  /** Five minutes per wave, one-second polls, AUTO apply. */
  public static SyncConfig defaults() {
    return new SyncConfig(null, null, null, null);
  }

  public SyncConfig withHealthTimeout(Duration value) {
    return new SyncConfig(value, pollInterval, fieldManager, applyMode);
  }

  public SyncConfig withPollInterval(Duration value) {
    return new SyncConfig(healthTimeout, value, fieldManager, applyMode);
  }

  public SyncConfig withApplyMode(ApplyMode value) {
    return new SyncConfig(healthTimeout, pollInterval, fieldManager, value);
  }
}
