package io.quargo.appcontroller.reconcile;

import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A rollback that kept automated sync on ({@code keepAutoSync}, beyond Argo CD, see argo-cd#5351
 * and #9570) pins the app to the rolled-back revision in {@code status.rollbackPin}: automated sync
 * leaves the app at that revision while the target branch's head is still the one it rolled back
 * from, and syncs again once a new commit arrives. A successful sync of any other revision ends the
 * pin.
 */
public final class RollbackPin {

  /** The status field holding the pin. */
  public static final String FIELD = "rollbackPin";

  /**
   * The pin: the revision rolled back to, the head of the target it rolled back from, the history
   * id and when.
   */
  public record Pin(String revision, String head, long historyId, String pinnedAt) {}

  private RollbackPin() {}

  /** The app's pin, if any. */
  public static Optional<Pin> of(Application app) {
    if (app.getStatus() == null) {
      return Optional.empty();
    }
    Object value = app.getStatus().unknownFields().get(FIELD);
    if (!(value instanceof Map<?, ?> map) || !(map.get("revision") instanceof String)) {
      return Optional.empty();
    }
    return Optional.of(Json.mapper().convertValue(map, Pin.class));
  }

  /** Pins the app (replacing an earlier pin). */
  public static void set(Application app, Pin pin) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("revision", pin.revision());
    value.put("head", pin.head());
    value.put("historyId", pin.historyId());
    value.put("pinnedAt", pin.pinnedAt());
    Apps.status(app).unknownField(FIELD, value);
  }

  /** Removes the pin. */
  public static void clear(Application app) {
    if (app.getStatus() != null) {
      app.getStatus().unknownFields().remove(FIELD);
    }
  }

  /** Ends the pin once a revision other than the pinned one was synced successfully. */
  static void endIfMovedOn(Application app, String syncedRevision) {
    of(app)
        .filter(pin -> syncedRevision != null && !syncedRevision.equals(pin.revision()))
        .ifPresent(pin -> clear(app));
  }

  /** Whether the pin holds automated sync of {@code revision}: the head it rolled back from. */
  static boolean holds(Application app, String revision) {
    return of(app).map(pin -> pin.head() == null || pin.head().equals(revision)).orElse(false);
  }
}
