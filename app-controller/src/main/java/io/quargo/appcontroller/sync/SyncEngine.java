package io.quargo.appcontroller.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.kube.ClusterObjects;

/**
 * Argo CD's sync for one cluster: applies an app's desired objects phase by phase and wave by wave,
 * runs hooks, prunes, and returns the operation result. One engine per cluster (it remembers
 * whether the cluster supports server-side apply); {@link #sync} blocks and is thread-safe for
 * different apps.
 */
public final class SyncEngine {

  private final ClusterObjects cluster;
  private final HealthAssessor health;
  private final SyncConfig config;
  private final ResourceApplier applier;

  /** An engine for the cluster of {@code client} with the built-in health checks. */
  public SyncEngine(KubernetesClient client, SyncConfig config) {
    this(new ClusterObjects(client), HealthAssessor.standard(), config);
  }

  public SyncEngine(ClusterObjects cluster, HealthAssessor health, SyncConfig config) {
    this(cluster, health, config, ClusterWrites.of(cluster));
  }

  /** An engine whose applies go through {@code writes} (tests: a server that refuses changes). */
  SyncEngine(
      ClusterObjects cluster, HealthAssessor health, SyncConfig config, ClusterWrites writes) {
    this.cluster = cluster;
    this.health = health;
    this.config = config;
    this.applier = new ResourceApplier(writes, config);
  }

  /** Syncs without progress reports or termination. */
  public SyncResult sync(SyncRequest request) {
    return sync(request, SyncListener.none(), new Termination());
  }

  /**
   * Runs the sync to its end (Succeeded, Failed or Error), telling {@code listener} the state after
   * every step; {@code termination} stops it between tasks and while waiting.
   */
  public SyncResult sync(SyncRequest request, SyncListener listener, Termination termination) {
    return new SyncRun(cluster, applier, health, config, request, listener, termination).run();
  }

  /** Whether this engine applies server-side: null until decided by the first apply. */
  public Boolean serverSideApplySupported() {
    return applier.serverSideSupported();
  }
}
