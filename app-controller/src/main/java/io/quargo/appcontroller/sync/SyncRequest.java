package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.common.model.application.ResourceIgnoreDifferences;
import java.util.List;
import java.util.function.Consumer;

/**
 * What to sync: the app's name (its tracking label value), the desired objects the caller rendered
 * for {@code revision}, the destination namespace, prune and dry-run flags, sync options (the app's
 * and the operation's), an optional selection of resources (empty: all), the app's
 * ignoreDifferences, optionally the app's live objects (null: the engine finds them by label), and
 * the {@link SyncStrategy} (null: hook, unforced).
 */
public record SyncRequest(
    String appName,
    String revision,
    List<ObjectNode> desired,
    String destinationNamespace,
    boolean prune,
    boolean dryRun,
    List<String> syncOptions,
    List<ResourceKey> resources,
    List<ResourceIgnoreDifferences> ignoreDifferences,
    List<ObjectNode> live,
    SyncStrategy strategy) {

  public SyncRequest {
    if (appName == null || appName.isBlank()) {
      throw new IllegalArgumentException("sync request needs the app's name (its tracking label)");
    }
    revision = revision == null ? "" : revision;
    desired = desired == null ? List.of() : List.copyOf(desired);
    destinationNamespace = destinationNamespace == null ? "" : destinationNamespace;
    syncOptions = syncOptions == null ? List.of() : List.copyOf(syncOptions);
    resources = resources == null ? List.of() : List.copyOf(resources);
    ignoreDifferences = ignoreDifferences == null ? List.of() : List.copyOf(ignoreDifferences);
    live = live == null ? null : List.copyOf(live);
    strategy = strategy == null ? SyncStrategy.HOOK : strategy;
  }

  /** Sync {@code desired} for {@code appName} into {@code namespace}, no prune, all resources. */
  public static SyncRequest of(String appName, String namespace, List<ObjectNode> desired) {
    return new SyncRequest(
        appName,
        "",
        desired,
        namespace,
        false,
        false,
        List.of(),
        List.of(),
        List.of(),
        null,
        SyncStrategy.HOOK);
  }

  public SyncRequest withRevision(String value) {
    return with(b -> b.revision = value);
  }

  public SyncRequest withPrune(boolean value) {
    return with(b -> b.prune = value);
  }

  public SyncRequest withDryRun(boolean value) {
    return with(b -> b.dryRun = value);
  }

  public SyncRequest withSyncOptions(List<String> value) {
    return with(b -> b.syncOptions = value);
  }

  /** Selective sync: only these resources (hooks do not run, as in Argo CD). */
  public SyncRequest withResources(List<ResourceKey> value) {
    return with(b -> b.resources = value);
  }

  public SyncRequest withIgnoreDifferences(List<ResourceIgnoreDifferences> value) {
    return with(b -> b.ignoreDifferences = value);
  }

  /** The app's live objects as the caller already knows them (e.g. from an informer cache). */
  public SyncRequest withLive(List<ObjectNode> value) {
    return with(b -> b.live = value);
  }

  /** Argo's {@code strategy}: apply skips hooks, force deletes and re-creates refused objects. */
  public SyncRequest withStrategy(SyncStrategy value) {
    return with(b -> b.strategy = value);
  }

  /** This request with one field changed by {@code change}; the one place a copy is made. */
  private SyncRequest with(Consumer<Fields> change) {
    Fields fields = new Fields(this);
    change.accept(fields);
    return fields.build();
  }

  /** The fields of a request being copied with a change. */
  private static final class Fields {
    final String appName;
    String revision;
    final List<ObjectNode> desired;
    final String destinationNamespace;
    boolean prune;
    boolean dryRun;
    List<String> syncOptions;
    List<ResourceKey> resources;
    List<ResourceIgnoreDifferences> ignoreDifferences;
    List<ObjectNode> live;
    SyncStrategy strategy;

    Fields(SyncRequest r) {
      appName = r.appName;
      revision = r.revision;
      desired = r.desired;
      destinationNamespace = r.destinationNamespace;
      prune = r.prune;
      dryRun = r.dryRun;
      syncOptions = r.syncOptions;
      resources = r.resources;
      ignoreDifferences = r.ignoreDifferences;
      live = r.live;
      strategy = r.strategy;
    }

    SyncRequest build() {
      return new SyncRequest(
          appName,
          revision,
          desired,
          destinationNamespace,
          prune,
          dryRun,
          syncOptions,
          resources,
          ignoreDifferences,
          live,
          strategy);
    }
  }
}
