package io.quargo.appcontroller.sync;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag to terminate a running sync; the engine checks it between tasks and while waiting, and
 * ends the operation as Failed ("Operation terminated"), as Argo CD does.
 */
public final class Termination {
  private final AtomicBoolean requested = new AtomicBoolean();

  /** Asks the running sync to stop at its next check. */
  public void terminate() {
    requested.set(true);
  }

  public boolean requested() {
    return requested.get();
  }
}
