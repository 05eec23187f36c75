package io.quargo.appcontroller.sync;

/** A failure that ends the sync's current phase; its message goes into the operation state. */
final class SyncFailure extends RuntimeException {
  static final String TERMINATED = "Operation terminated";

  private final boolean terminated;

  SyncFailure(String message) {
    this(message, false);
  }

  private SyncFailure(String message, boolean terminated) {
    super(message, null, false, false);
    this.terminated = terminated;
  }

  static SyncFailure terminated() {
    return new SyncFailure(TERMINATED, true);
  }

  boolean isTerminated() {
    return terminated;
  }
}
