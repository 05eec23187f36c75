package io.quargo.appcontroller.declarative;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.project.AppProject;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Informers on the Application and AppProject resources of the app namespace ({@code
 * quargo.controller.app-namespace}, default {@code argocd}) that import them ({@link
 * ApplicationImporter}, {@link ProjectImporter}), and a tick that writes each imported app's status
 * back to its resource ({@link StatusWriter}). Off with {@code
 * quargo.controller.declarative=false}.
 */
@ApplicationScoped
public class AppNamespaceWatcher {

  private static final Logger LOG = Logger.getLogger(AppNamespaceWatcher.class);

  private final KubernetesClient client;
  private final ApplicationImporter applications;
  private final ProjectImporter projects;
  private final StatusWriter statuses;
  private final String namespace;
  private final boolean enabled;
  private final Duration statusInterval;
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "application-status-writer"));
  private SharedIndexInformer<Application> appInformer;
  private SharedIndexInformer<AppProject> projectInformer;

  public AppNamespaceWatcher(
      KubernetesClient client,
      ApplicationImporter applications,
      ProjectImporter projects,
      StatusWriter statuses,
      @ConfigProperty(name = "quargo.controller.app-namespace", defaultValue = "argocd")
          String namespace,
      @ConfigProperty(name = "quargo.controller.declarative", defaultValue = "true")
          boolean enabled,
      @ConfigProperty(name = "quargo.controller.status-write-interval", defaultValue = "2s")
          Duration statusInterval) {
    this.client = client;
    this.applications = applications;
    this.projects = projects;
    this.statuses = statuses;
    this.namespace = namespace;
    this.enabled = enabled;
    this.statusInterval = statusInterval;
  }

  /** The namespace whose resources are imported. */
  public String namespace() {
    return namespace;
  }

  void start(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    projectInformer = client.resources(AppProject.class).inNamespace(namespace).runnableInformer(0);
    projectInformer.addEventHandler(handler(projects::upsert, projects::delete));
    appInformer = client.resources(Application.class).inNamespace(namespace).runnableInformer(0);
    appInformer.addEventHandler(handler(this::applicationChanged, applications::delete));
    start(projectInformer);
    start(appInformer);
    long every = Math.max(100, statusInterval.toMillis());
    ticks.scheduleWithFixedDelay(this::writeStatuses, every, every, TimeUnit.MILLISECONDS);
    LOG.infof("importing Application and AppProject resources of namespace %s", namespace);
  }

  private void applicationChanged(Application resource) {
    if (resource.getMetadata().getDeletionTimestamp() != null) {
      finalizeDeletion(resource);
      return;
    }
    ApplicationImporter.Result result = applications.upsert(resource);
    if (result.outcome() == ApplicationImporter.Outcome.INVALID) {
      statuses.invalid(resource, result.message());
    }
  }

  /**
   * A real API server keeps a resource with finalizers until they are removed: delete the app (and
   * with Argo's finalizer its live objects), then remove the finalizer so the deletion completes.
   */
  private void finalizeDeletion(Application resource) {
    applications.delete(resource);
    List<String> finalizers = resource.getMetadata().getFinalizers();
    if (Ownership.cascades(finalizers)) {
      client
          .resources(Application.class)
          .inNamespace(namespace)
          .withName(resource.getMetadata().getName())
          .edit(
              r -> {
                r.getMetadata()
                    .setFinalizers(
                        r.getMetadata().getFinalizers().stream()
                            .filter(f -> !Ownership.cascades(List.of(f)))
                            .toList());
                return r;
              });
    }
  }

  private void writeStatuses() {
    if (appInformer == null) {
      return;
    }
    for (Application resource : appInformer.getStore().list()) {
      try {
        statuses.write(resource);
      } catch (RuntimeException e) {
        LOG.debugf(
            "cannot write the status of application resource %s: %s",
            resource.getMetadata().getName(), e.getMessage());
      }
    }
  }

  private static <T> void start(SharedIndexInformer<T> informer) {
    informer
        .start()
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                LOG.warnf(
                    "informer on %s resources could not start: %s",
                    informer.getApiTypeClass().getSimpleName(), error.getMessage());
              }
            });
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> upsert, Consumer<T> delete) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        safely(upsert, obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        safely(upsert, newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        safely(delete, obj);
      }
    };
  }

  private static <T> void safely(Consumer<T> action, T obj) {
    try {
      action.accept(obj);
    } catch (RuntimeException e) {
      LOG.warnf(e, "cannot import a resource change: %s", e.getMessage());
    }
  }

  void stop(@Observes ShutdownEvent event) {
    ticks.shutdownNow();
    if (appInformer != null) {
      appInformer.stop();
    }
    if (projectInformer != null) {
      projectInformer.stop();
    }
  }
}
