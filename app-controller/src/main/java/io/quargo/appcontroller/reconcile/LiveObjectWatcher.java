package io.quargo.appcontroller.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.config.ControllerConfig;
import io.quargo.appcontroller.kube.TrackedObjects;
import io.quargo.appcontroller.messaging.PartitionOwnership;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Informers on the live objects that carry the tracking label (Deployments, StatefulSets,
 * DaemonSets, ReplicaSets, Services, ConfigMaps, Secrets, Jobs, Pods, Ingresses): a change queues a
 * reconcile of every app named by the object's {@code app.kubernetes.io/instance} label. Other
 * kinds are seen by the periodic resync.
 */
@ApplicationScoped
public class LiveObjectWatcher {

  private static final Logger LOG = Logger.getLogger(LiveObjectWatcher.class);

  private final KubernetesClient client;
  private final ApplicationRepository apps;
  private final ReconcileQueue queue;
  private final PartitionOwnership ownership;
  private final boolean enabled;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  public LiveObjectWatcher(
      KubernetesClient client,
      ApplicationRepository apps,
      ReconcileQueue queue,
      ControllerConfig config,
      PartitionOwnership ownership) {
    this.ownership = ownership;
    this.client = client;
    this.apps = apps;
    this.queue = queue;
    this.enabled = config.reconcile().informers();
  }

  void start(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    String label = TrackedObjects.INSTANCE_LABEL;
    ResourceEventHandler<HasMetadata> handler = handler();
    add(client.apps().deployments().inAnyNamespace().withLabel(label).runnableInformer(0), handler);
    add(
        client.apps().statefulSets().inAnyNamespace().withLabel(label).runnableInformer(0),
        handler);
    add(client.apps().daemonSets().inAnyNamespace().withLabel(label).runnableInformer(0), handler);
    add(client.apps().replicaSets().inAnyNamespace().withLabel(label).runnableInformer(0), handler);
    add(client.services().inAnyNamespace().withLabel(label).runnableInformer(0), handler);
    add(client.configMaps().inAnyNamespace().withLabel(label).runnableInformer(0), handler);
    add(client.secrets().inAnyNamespace().withLabel(label).runnableInformer(0), handler);
    add(client.batch().v1().jobs().inAnyNamespace().withLabel(label).runnableInformer(0), handler);
    add(client.pods().inAnyNamespace().withLabel(label).runnableInformer(0), handler);
    add(
        client.network().v1().ingresses().inAnyNamespace().withLabel(label).runnableInformer(0),
        handler);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void add(SharedIndexInformer informer, ResourceEventHandler<HasMetadata> handler) {
    informer.addEventHandler(handler);
    informers.add(informer);
    informer
        .start()
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                LOG.warnf(
                    "informer on %s could not start (%s); the periodic resync still runs",
                    informer.getApiTypeClass().getSimpleName(), ((Throwable) error).getMessage());
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
            oldObj.getMetadata().getResourceVersion(), newObj.getMetadata().getResourceVersion())) {
          changed(newObj);
        }
      }

      @Override
      public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
        changed(obj);
      }
    };
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

  void stop(@Observes ShutdownEvent event) {
    informers.forEach(SharedIndexInformer::stop);
  }
}
