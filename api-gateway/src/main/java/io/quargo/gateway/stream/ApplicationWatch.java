package io.quargo.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.gateway.auth.Caller;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.HashMap;
import java.util.Map;

/**
 * One open {@code /api/v1/stream/applications} connection: who watches, what it wants, and the last
 * state it was sent of each app, so a change is {@code MODIFIED} for an app it already has, {@code
 * ADDED} otherwise, and {@code DELETED} only for an app it was shown.
 */
final class ApplicationWatch {

  /** Argo CD's watch event types. */
  enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }

  private final Caller caller;
  private final WatchFilter filter;
  private final MultiEmitter<? super String> emitter;
  private final Map<String, JsonNode> shown = new HashMap<>();

  ApplicationWatch(Caller caller, WatchFilter filter, MultiEmitter<? super String> emitter) {
    this.caller = caller;
    this.filter = filter;
    this.emitter = emitter;
  }

  Caller caller() {
    return caller;
  }

  WatchFilter filter() {
    return filter;
  }

  boolean closed() {
    return emitter.isCancelled();
  }

  /** Sends {@code app} as ADDED unless this watch has it already (for the initial listing). */
  synchronized void addIfNew(String key, JsonNode app) {
    if (!shown.containsKey(key)) {
      send(key, Type.ADDED, app);
    }
  }

  /** Sends the app's new state: MODIFIED if shown before, else ADDED. */
  synchronized void changed(String key, JsonNode app) {
    send(key, shown.containsKey(key) ? Type.MODIFIED : Type.ADDED, app);
  }

  /** The app is gone, or no longer visible to this watch: DELETED with the last state shown. */
  synchronized void removed(String key) {
    JsonNode last = shown.get(key);
    if (last != null) {
      send(key, Type.DELETED, last);
    }
  }

  private void send(String key, Type type, JsonNode app) {
    if (emitter.isCancelled()) {
      return;
    }
    if (type == Type.DELETED) {
      shown.remove(key);
    } else {
      shown.put(key, app);
    }
    ObjectNode event = Json.mapper().createObjectNode();
    event.putObject("result").put("type", type.name()).set("application", app);
    emitter.emit(Json.toJson(event));
  }
}
