package io.quargo.appcontroller.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quargo.appcontroller.config.ControllerConfig;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.appcontroller.kube.TrackedObjects;
import io.quargo.appcontroller.sync.SyncConfig;
import io.quargo.appcontroller.sync.SyncEngine;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationDestination;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Resolves an app's {@code spec.destination} ({@code server} or {@code name}) to the cluster's
 * {@link ClusterAccess}. Clients are cached per server and rebuilt when the registered credentials
 * change (so every replica follows an update); the in-cluster destination is the service's own
 * client (the sandbox, or KUBECONFIG).
 */
@ApplicationScoped
public class ClusterClients {

  private static final Logger LOG = Logger.getLogger(ClusterClients.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final ClusterRegistry registry;
  private final ClusterAccess inCluster;
  private final HealthAssessor health;
  private final SyncConfig syncConfig;
  private final Map<String, ClusterAccess> cache = new ConcurrentHashMap<>();
  private final Map<String, ConnectionState> states = new ConcurrentHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Follows the client cache, so per-cluster machinery (the live-object informers) runs for exactly
   * the clusters in use: {@link #used} on every resolution (cheap; a different {@link
   * ClusterAccess} than before means the client was rebuilt), {@link #forgotten} when a cluster's
   * client is dropped (updated or deleted).
   */
  public interface Listener {
    void used(ClusterAccess access);

    void forgotten(String server);
  }

  public ClusterClients(
      ClusterRegistry registry,
      ClusterObjects inClusterObjects,
      TrackedObjects inClusterTracked,
      SyncEngine inClusterEngine,
      HealthAssessor health,
      ControllerConfig config) {
    this.registry = registry;
    this.health = health;
    this.inCluster =
        new ClusterAccess(
            new Cluster(
                Cluster.IN_CLUSTER_SERVER, Cluster.IN_CLUSTER_NAME, ClusterCredentials.NONE),
            inClusterObjects,
            inClusterTracked,
            inClusterEngine);
    this.syncConfig =
        SyncConfig.defaults()
            .withHealthTimeout(config.sync().healthTimeout())
            .withPollInterval(config.sync().pollInterval());
  }

  /** Tells {@code listener} from now on about clusters used and forgotten. */
  public void listen(Listener listener) {
    listeners.add(listener);
  }

  /** The controller's own cluster (the service's configured client). */
  public ClusterAccess inCluster() {
    return inCluster;
  }

  /** The destination cluster of {@code app}. */
  public ClusterAccess forApp(Application app) {
    return forDestination(app.getSpec() == null ? null : app.getSpec().getDestination());
  }

  /**
   * The cluster {@code destination} names by server, else by name (the in-cluster one when it names
   * neither); {@link UnknownClusterException} when it is not registered.
   */
  public ClusterAccess forDestination(ApplicationDestination destination) {
    String server = destination == null ? null : blankToNull(destination.getServer());
    String name = destination == null ? null : blankToNull(destination.getName());
    if (server != null && name != null) {
      throw new UnknownClusterException(
          "application destination can't have both name and server defined: "
              + name
              + " "
              + server);
    }
    Cluster cluster;
    if (server != null) {
      String normalized = server.endsWith("/") ? server.replaceAll("/+$", "") : server;
      cluster =
          registry
              .byServer(normalized)
              .orElseThrow(
                  () ->
                      new UnknownClusterException(
                          "application references destination cluster "
                              + server
                              + " which does not exist; register it with POST /api/v1/clusters"));
    } else if (name != null) {
      cluster =
          registry
              .byName(name)
              .orElseThrow(
                  () ->
                      new UnknownClusterException(
                          "there are no clusters with this name: "
                              + name
                              + "; register it with POST /api/v1/clusters"));
    } else {
      return access(inCluster.cluster());
    }
    return access(cluster);
  }

  /** The access for a registered (or the in-cluster) cluster, built on first use. */
  public ClusterAccess access(Cluster cluster) {
    ClusterAccess access = resolve(cluster);
    for (Listener listener : listeners) {
      try {
        listener.used(access);
      } catch (RuntimeException e) {
        LOG.warnf("listener on cluster %s failed: %s", cluster.server(), e.getMessage());
      }
    }
    return access;
  }

  private ClusterAccess resolve(Cluster cluster) {
    if (cluster.inCluster()) {
      return inCluster;
    }
    ClusterAccess cached = cache.get(cluster.server());
    if (cached != null && cached.cluster().equals(cluster)) {
      return cached;
    }
    synchronized (this) {
      cached = cache.get(cluster.server());
      if (cached != null && cached.cluster().equals(cluster)) {
        return cached;
      }
      ClusterAccess built = build(cluster);
      cache.put(cluster.server(), built);
      if (cached != null) {
        cached.objects().client().close();
      }
      LOG.infof("client for cluster %s (%s) ready", cluster.name(), cluster.server());
      return built;
    }
  }

  /** Drops the cached client of {@code server} (after an update or delete). */
  public void forget(String server) {
    states.remove(server);
    ClusterAccess removed = cache.remove(server);
    for (Listener listener : listeners) {
      try {
        listener.forgotten(server);
      } catch (RuntimeException e) {
        LOG.warnf("listener on cluster %s failed: %s", server, e.getMessage());
      }
    }
    if (removed != null) {
      removed.objects().client().close();
    }
  }

  /** Asks the cluster for its version now and remembers the outcome. */
  public ConnectionState probe(Cluster cluster) {
    String now = Instant.now().toString();
    ConnectionState state;
    try {
      var version = access(cluster).objects().client().getKubernetesVersion();
      String text = version == null ? "" : version.getMajor() + "." + version.getMinor();
      state = new ConnectionState(ConnectionState.SUCCESSFUL, "", now, text);
    } catch (RuntimeException e) {
      state =
          new ConnectionState(
              ConnectionState.FAILED,
              "cannot reach " + cluster.server() + ": " + rootMessage(e),
              now,
              "");
    }
    states.put(cluster.server(), state);
    return state;
  }

  /** The last known connection state, probing when there is none yet. */
  public ConnectionState state(Cluster cluster) {
    ConnectionState known = states.get(cluster.server());
    return known != null ? known : probe(cluster);
  }

  private ClusterAccess build(Cluster cluster) {
    ClusterCredentials c = cluster.credentials();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(cluster.server())
            .withOauthToken(c.bearerToken())
            .withUsername(c.username())
            .withPassword(c.password())
            .withCaCertData(c.caData())
            .withClientCertData(c.certData())
            .withClientKeyData(c.keyData())
            .withTrustCerts(c.insecure())
            .withDisableHostnameVerification(c.insecure())
            .withConnectionTimeout(CONNECT_TIMEOUT_MILLIS)
            .withRequestRetryBackoffLimit(2)
            .withHttp2Disable(true)
            .build();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    ClusterObjects objects = new ClusterObjects(client);
    return new ClusterAccess(
        cluster, objects, new TrackedObjects(objects), new SyncEngine(objects, health, syncConfig));
  }

  @PreDestroy
  void close() {
    cache.values().forEach(a -> a.objects().client().close());
    cache.clear();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
