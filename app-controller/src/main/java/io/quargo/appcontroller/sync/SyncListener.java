package io.quargo.appcontroller.sync;

/**
 * Told the whole operation state after every step (a task applied, a hook finished, a wave done,
 * the phase changed), so a caller can persist it and a restarted controller can resume the
 * operation or mark it failed.
 */
@FunctionalInterface
public interface SyncListener {
  void onProgress(SyncResult state);

  /** A listener that ignores progress. */
  static SyncListener none() {
    return state -> {};
  }
}
