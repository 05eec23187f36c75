package io.quargo.appcontroller.sync;

/**
 * The outcome of one resource in a sync, named as in Argo's {@code syncResult.resources[].status}.
 */
public enum ResultCode {
  SYNCED("Synced"),
  SYNC_FAILED("SyncFailed"),
  PRUNED("Pruned"),
  PRUNE_SKIPPED("PruneSkipped");

  private final String argoName;

  ResultCode(String argoName) {
    this.argoName = argoName;
  }

  public String argoName() {
    return argoName;
  }
}
