package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.model.SyncStatusCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Diffs desired (rendered from Git) against live (from the cluster) objects: normalise both, drop
 * ignored differences, compare what desired sets, and sum up the app's sync status. Thread-safe.
 */
public final class DiffEngine {

  static final String COMPARE_OPTIONS = "argocd.argoproj.io/compare-options";

  private final DiffOptions options;
  private final List<IgnoreRule> rules;

  /** An engine for {@code options}; a malformed pointer or jq expression fails here, named. */
  public DiffEngine(DiffOptions options) {
    this.options = options;
    this.rules = options.ignoreDifferences().stream().map(IgnoreRule::compile).toList();
  }

  /** Compares one resource; either side may be null (missing, or requiring pruning), not both. */
  public ResourceDiff diff(ObjectNode desired, ObjectNode live) {
    if (desired == null && live == null) {
      throw new IllegalArgumentException("diff needs a desired or a live object; both are null");
    }
    ResourceKey key = ResourceKey.of(live != null ? live : desired);
    if (live == null && key.namespace().isEmpty()) {
      key = key.inNamespace(options.defaultNamespace());
    }
    ObjectNode normalDesired = desired == null ? null : normalize(key, desired, live);
    ObjectNode normalLive = live == null ? null : normalize(key, live, live);
    List<String> differences =
        desired == null || live == null
            ? List.of()
            : SubsetComparator.differences(normalDesired, normalLive);
    return ResourceDiff.of(key, normalDesired, normalLive, differences);
  }

  /**
   * Pairs desired and live objects by group, kind, namespace and name (a desired object without a
   * namespace also matches in the default namespace) and diffs each pair; desired order first, then
   * live-only objects.
   */
  public List<ResourceDiff> diffAll(Collection<ObjectNode> desired, Collection<ObjectNode> live) {
    Map<ResourceKey, ObjectNode> liveByKey = new LinkedHashMap<>();
    live.forEach(object -> liveByKey.put(ResourceKey.of(object), object));
    Set<ResourceKey> paired = new LinkedHashSet<>();
    List<ResourceDiff> diffs = new ArrayList<>();
    for (ObjectNode object : desired) {
      ResourceKey key = ResourceKey.of(object);
      if (!liveByKey.containsKey(key) && key.namespace().isEmpty()) {
        key = key.inNamespace(options.defaultNamespace());
      }
      ObjectNode match = liveByKey.get(key);
      if (match != null) {
        paired.add(key);
      }
      diffs.add(diff(object, match));
    }
    liveByKey.forEach(
        (key, object) -> {
          if (!paired.contains(key)) {
            diffs.add(diff(null, object));
          }
        });
    return diffs;
  }

  /**
   * The app's sync status: OutOfSync when a resource is OutOfSync, missing or requires pruning
   * (live-only resources annotated {@code compare-options: IgnoreExtraneous} excepted), else
   * Synced.
   */
  public static SyncStatusCode syncStatus(Collection<ResourceDiff> diffs) {
    for (ResourceDiff diff : diffs) {
      if (diff.status() == SyncStatusCode.OUT_OF_SYNC
          && !(diff.requiresPruning() && ignoresExtraneous(diff.normalizedLive()))) {
        return SyncStatusCode.OUT_OF_SYNC;
      }
    }
    return SyncStatusCode.SYNCED;
  }

  private ObjectNode normalize(ResourceKey key, ObjectNode object, JsonNode rawLive) {
    ObjectNode result = Normalizer.normalize(object);
    for (IgnoreRule rule : rules) {
      if (!rule.matches(key)) {
        continue;
      }
      result = rule.removeIgnoredFields(result);
      ManagedFieldsRemover owned = ManagedFieldsRemover.of(rawLive, rule.managedFieldsManagers());
      if (!owned.isEmpty()) {
        owned.removeFrom(result);
      }
    }
    return result;
  }

  private static boolean ignoresExtraneous(JsonNode live) {
    String value = live.path("metadata").path("annotations").path(COMPARE_OPTIONS).asText("");
    return value.contains("IgnoreExtraneous");
  }
}
