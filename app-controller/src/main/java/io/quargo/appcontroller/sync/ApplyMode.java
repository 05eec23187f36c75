package io.quargo.appcontroller.sync;

/**
 * How objects are applied: detected per cluster (AUTO), server-side apply, or the client-side
 * three-way merge with the last-applied annotation.
 */
public enum ApplyMode {
  /**
   * Try server-side apply on the first apply; fall back to the client-side merge for the rest of
   * the engine's life when the server answers 404, 405 or 415, or answers without {@code
   * managedFields} (it then tracks no field ownership, so removed fields would never be removed).
   */
  AUTO,
  SERVER_SIDE,
  CLIENT_SIDE
}
