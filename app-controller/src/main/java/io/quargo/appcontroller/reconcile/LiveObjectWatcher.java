package io.quargo.appcontroller.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.cluster.ClusterAccess;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.config.ControllerConfig;
import io.quargo.appcontroller.kube.TrackedObjects;
import io.quargo.appcontroller.messaging.PartitionOwnership;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Informers on the live objects that carry the tracking label (Deployments, StatefulSets,
 * DaemonSets, ReplicaSets, Services, ConfigMaps, Secrets, Jobs, Pods, Ingresses), one set per
 * destination cluster: a change queues a reconcile of every app named by the object's {@code
 * app.kubernetes.io/instance} label that this replica owns. The in-cluster set starts with the
 * service; a registered cluster's set starts when {@link ClusterClients} first hands out its client
 * (registration, or an app resolving its destination) and stops when that client is forgotten or
 * rebuilt. Other kinds, and clusters whose informers could not start, are seen by the periodic
 * resync (a cluster none of whose informers started is retried on its next use).
 */
@ApplicationScoped
public class LiveObjectWatcher implements ClusterClients.Listener {

  private static final Logger LOG = Logger.getLogger(LiveObjectWatcher.class);

  private final ClusterClients clusters;
  private final ApplicationRepository apps;
  private final ReconcileQueue queue;
  private final PartitionOwnership ownership;
  private final boolean enabled;
  private final Map<String, ClusterWatch> watches = new ConcurrentHashMap<>();

  public LiveObjectWatcher(
      ClusterClients clusters,
      ApplicationRepository apps,
      ReconcileQueue queue,
      ControllerConfig config,
      PartitionOwnership ownership) {
    this.clusters = clusters;
    this.ownership = ownership;
    this.apps = apps;
    this.queue = queue;
    this.enabled = config.reconcile().informers();
  }

  void start(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    clusters.listen(this);
    used(clusters.inCluster());
  }

  /** The servers whose informers run now (for tests and diagnostics). */
  public Set<String> watchedServers() {
    return Set.copyOf(watches.keySet());
  }

  @Override
  public void used(ClusterAccess access) {
    String server = access.cluster().server();
    ClusterWatch current = watches.get(server);
    if (current != null && current.access == access) {
      return;
    }
    ClusterWatch started;
    synchronized (watches) {
      current = watches.get(server);
      if (current != null && current.access == access) {
        return;
      }
      started = new ClusterWatch(access);
      watches.put(server, started);
    }
    if (current != null) {
      current.stop(); // the client was rebuilt (new credentials): follow the new one
    }
    LOG.debugf("watching live objects on cluster %s", server);
    started.start();
  }

  @Override
  public void forgotten(String server) {
    ClusterWatch removed = watches.remove(server);
    if (removed != null) {
      LOG.debugf("no longer watching live objects on cluster %s", server);
      removed.stop();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    watches.values().forEach(ClusterWatch::stop);
    watches.clear();
  }

  private void changed(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    String app = labels == null ? null : labels.get(TrackedObjects.INSTANCE_LABEL);
    if (app == null) {
      return;
    }
    try {
      apps.findByName(app).stream()
          .map(Apps::key)
          .filter(ownership::owns) // another replica's app: its own watcher reconciles it
          .forEach(queue::enqueue);
    } catch (RuntimeException e) {
      LOG.debugf("cannot look up apps named %s: %s", app, e.getMessage());
    }
  }

  /** The informers on one cluster, made from its cached client. */
  private final class ClusterWatch {

    private final ClusterAccess access;
    private final List<SharedIndexInformer<?>> informers = new CopyOnWriteArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();

    ClusterWatch(ClusterAccess access) {
      this.access = access;
    }

    void start() {
      KubernetesClient client = access.objects().client();
      String label = TrackedObjects.INSTANCE_LABEL;
      List<SharedIndexInformer<?>> all =
          List.of(
              client.apps().deployments().inAnyNamespace().withLabel(label).runnableInformer(0),
              client.apps().statefulSets().inAnyNamespace().withLabel(label).runnableInformer(0),
              client.apps().daemonSets().inAnyNamespace().withLabel(label).runnableInformer(0),
              client.apps().replicaSets().inAnyNamespace().withLabel(label).runnableInformer(0),
              client.services().inAnyNamespace().withLabel(label).runnableInformer(0),
              client.configMaps().inAnyNamespace().withLabel(label).runnableInformer(0),
              client.secrets().inAnyNamespace().withLabel(label).runnableInformer(0),
              client.batch().v1().jobs().inAnyNamespace().withLabel(label).runnableInformer(0),
              client.pods().inAnyNamespace().withLabel(label).runnableInformer(0),
              client
                  .network()
                  .v1()
                  .ingresses()
                  .inAnyNamespace()
                  .withLabel(label)
                  .runnableInformer(0));
      informers.addAll(all);
      all.forEach(this::start);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void start(SharedIndexInformer informer) {
      informer.addEventHandler(handler());
      informer
          .start()
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  failedToStart(informer, (Throwable) error);
                }
              });
    }

    private void failedToStart(SharedIndexInformer<?> informer, Throwable error) {
      String server = access.cluster().server();
      String kind = informer.getApiTypeClass().getSimpleName();
      if (failed.incrementAndGet() == 1) {
        LOG.warnf(
            "informer on %s in cluster %s could not start (%s); the periodic resync still runs",
            kind, server, error.getMessage());
      } else {
        LOG.debugf("informer on %s in cluster %s could not start either", kind, server);
      }
      if (failed.get() == informers.size() && watches.remove(server, this)) {
        stop(); // the cluster is unreachable: try again on its next use
      }
    }

    void stop() {
      informers.forEach(
          i -> {
            try {
              i.stop();
            } catch (RuntimeException e) {
              LOG.debugf("stopping an informer: %s", e.getMessage());
            }
          });
    }

    private ResourceEventHandler<HasMetadata> handler() {
      return new ResourceEventHandler<>() {
        @Override
        public void onAdd(HasMetadata obj) {
          changed(obj);
        }

        @Override
        public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
          if (!Objects.equals(
              oldObj.getMetadata().getResourceVersion(),
              newObj.getMetadata().getResourceVersion())) {
            changed(newObj);
          }
        }

        @Override
        public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
          changed(obj);
        }
      };
    }
  }
}
