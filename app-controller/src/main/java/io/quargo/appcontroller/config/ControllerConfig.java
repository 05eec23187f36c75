package io.quargo.appcontroller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** app-controller's own settings under {@code quargo.*}. */
@ConfigMapping(prefix = "quargo")
public interface ControllerConfig {

  /** How to reach repo-server. */
  RepoServer repoServer();

  /** When and how often apps are compared with Git and the cluster. */
  Reconcile reconcile();

  /** The sync engine's waits. */
  Sync sync();

  /** repo-server's REST API. */
  interface RepoServer {
    /** Base URL of repo-server (it serves {@code POST /api/v1/manifests}). */
    @WithDefault("http://localhost:8081")
    String url();

    /** Time to open a connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time to wait for a rendering (Helm charts can be slow). */
    @WithDefault("120s")
    Duration readTimeout();

    /** Attempts for a call that failed to connect or got 502/503/504. */
    @WithDefault("3")
    int attempts();
  }

  /** Reconcile triggers and workers. */
  interface Reconcile {
    /** Argo's timeout.reconciliation: every app is compared again at least this often. */
    @WithDefault("3m")
    Duration resyncPeriod();

    /** Up to this much is added per app (by its name) so resyncs spread out. */
    @WithDefault("30s")
    Duration resyncJitter();

    /** Threads reconciling apps at once. */
    @WithDefault("4")
    int workers();

    /** Threads running sync operations at once. */
    @WithDefault("4")
    int operationWorkers();

    /** A Running operation without heartbeat for this long is marked Failed. */
    @WithDefault("60s")
    Duration abandonedAfter();

    /** Whether informers on tracked live objects trigger reconciles. */
    @WithDefault("true")
    boolean informers();
  }

  /** Sync engine settings. */
  interface Sync {
    /** How long a wave may take to become healthy. */
    @WithDefault("5m")
    Duration healthTimeout();

    /** How often to poll health while waiting. */
    @WithDefault("1s")
    Duration pollInterval();
  }
}
