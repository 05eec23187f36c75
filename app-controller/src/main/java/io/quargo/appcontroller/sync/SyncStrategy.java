package io.quargo.appcontroller.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Argo CD's sync strategy: {@code hook} (the default) runs PreSync, Sync, PostSync and SyncFail
 * hooks around the apply; {@code apply} skips every hook and only applies, wave by wave. {@code
 * force} in either is kubectl's {@code apply --force}: an object the API server refuses to change
 * (422 Invalid, e.g. "field is immutable", or 409 Conflict) is deleted and created again.
 *
 * <pre>
 * strategy: {hook: {force: true}}   # or {apply: {}}, or {apply: {force: true}}
 * </pre>
 */
public record SyncStrategy(boolean apply, boolean force) {

  /** Argo's default: hooks run, nothing is forced. */
  public static final SyncStrategy HOOK = new SyncStrategy(false, false);

  /** Whether hooks run (the hook strategy). */
  public boolean runsHooks() {
    return !apply;
  }

  /**
   * Reads Argo's {@code {apply: {force}}} or {@code {hook: {force}}}; null or empty is the hook
   * strategy. Fails naming the field when the shape is not Argo's.
   */
  public static SyncStrategy fromArgo(Map<?, ?> strategy) {
    if (strategy == null || strategy.isEmpty()) {
      return HOOK;
    }
    for (Object key : strategy.keySet()) {
      if (!Set.of("apply", "hook").contains(String.valueOf(key))) {
        throw new IllegalArgumentException(
            "strategy.%s is not a sync strategy; use strategy.apply or strategy.hook"
                .formatted(key));
      }
    }
    Object apply = strategy.get("apply");
    Object hook = strategy.get("hook");
    // Argo's SyncStrategy.Force(): apply wins when both are given
    if (apply != null) {
      return new SyncStrategy(true, force(apply, "strategy.apply"));
    }
    return new SyncStrategy(false, hook != null && force(hook, "strategy.hook"));
  }

  private static boolean force(Object options, String field) {
    if (!(options instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "%s must be an object such as {\"force\": true}, not %s".formatted(field, options));
    }
    for (Object key : map.keySet()) {
      if (!"force".equals(String.valueOf(key))) {
        throw new IllegalArgumentException(
            "%s.%s is unknown; the only option is force".formatted(field, key));
      }
    }
    Object force = map.get("force");
    if (force != null && !(force instanceof Boolean)) {
      throw new IllegalArgumentException(
          "%s.force must be true or false, not %s".formatted(field, force));
    }
    return Boolean.TRUE.equals(force);
  }

  /** As Argo writes it in {@code operation.sync.syncStrategy}: {@code {apply|hook: {force?}}}. */
  public Map<String, Object> toArgo() {
    Map<String, Object> options = new LinkedHashMap<>();
    if (force) {
      options.put("force", true);
    }
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put(apply ? "apply" : "hook", options);
    return strategy;
  }
}
