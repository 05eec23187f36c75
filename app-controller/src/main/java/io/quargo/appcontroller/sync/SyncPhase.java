package io.quargo.appcontroller.sync;

/** Argo CD's sync phases in execution order; SyncFail runs only when the sync failed. */
public enum SyncPhase {
  PRE_SYNC("PreSync"),
  SYNC("Sync"),
  POST_SYNC("PostSync"),
  SYNC_FAIL("SyncFail");

  private final String argoName;

  SyncPhase(String argoName) {
    this.argoName = argoName;
  }

  /** The name used in annotations and operation results, e.g. {@code PreSync}. */
  public String argoName() {
    return argoName;
  }

  /** The phase named {@code value} (as in {@code argocd.argoproj.io/hook}), or null. */
  public static SyncPhase parse(String value) {
    for (SyncPhase phase : values()) {
      if (phase.argoName.equals(value)) {
        return phase;
      }
    }
    return null;
  }
}
