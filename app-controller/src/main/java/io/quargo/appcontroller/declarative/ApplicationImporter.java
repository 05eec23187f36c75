package io.quargo.appcontroller.declarative;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.messaging.AppCommandHandler;
import io.quargo.appcontroller.project.ProjectRepository;
import io.quargo.appcontroller.reconcile.AppKey;
import io.quargo.appcontroller.reconcile.ReconcileQueue;
import io.quargo.common.events.AppCommand;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps stored apps in step with Application resources: a new resource creates the app (marked as
 * the resource's, see {@link Ownership}), a changed spec, labels, annotations or finalizers update
 * it, a deleted resource deletes it (cascading to its live objects when the resource carried Argo
 * CD's resources finalizer). An app created through the API is never touched by a resource.
 */
@ApplicationScoped
public class ApplicationImporter {

  /** What an import did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    API_OWNED,
    INVALID
  }

  /** The outcome, and for {@link Outcome#INVALID} the problem. */
  public record Result(Outcome outcome, String message) {}

  private static final Logger LOG = Logger.getLogger(ApplicationImporter.class);

  private final ApplicationRepository apps;
  private final ReconcileQueue queue;
  private final AppCommandHandler commands;

  public ApplicationImporter(
      ApplicationRepository apps, ReconcileQueue queue, AppCommandHandler commands) {
    this.apps = apps;
    this.queue = queue;
    this.commands = commands;
  }

  /** Creates or updates the stored app from {@code resource}. */
  public Result upsert(Application resource) {
    ObjectMeta meta = resource.getMetadata();
    AppKey key = new AppKey(meta.getNamespace(), meta.getName());
    Application wanted = fromResource(resource);
    Optional<Application> stored = apps.find(key.namespace(), key.name());
    try {
      if (stored.isEmpty()) {
        apps.create(wanted);
        LOG.infof("imported application %s from its resource", key);
        queue.enqueue(key);
        return new Result(Outcome.CREATED, "");
      }
      if (!Ownership.fromResource(stored.get().getMetadata())) {
        LOG.warnf(
            "application resource %s ignored: an app of that name was created through the API",
            key);
        return new Result(Outcome.API_OWNED, "");
      }
      if (same(stored.get(), wanted)) {
        return new Result(Outcome.UNCHANGED, "");
      }
      apps.update(wanted);
      queue.enqueue(key);
      return new Result(Outcome.UPDATED, "");
    } catch (ProblemException e) {
      if (e.problem().status() == 409) {
        // another replica imported it a moment earlier; its next event is compared again
        return new Result(Outcome.UNCHANGED, "");
      }
      LOG.warnf("application resource %s not imported: %s", key, e.getMessage());
      return new Result(Outcome.INVALID, e.getMessage());
    }
  }

  /** Deletes the stored app of a deleted resource, if the resource owned it. */
  public boolean delete(Application resource) {
    ObjectMeta meta = resource.getMetadata();
    Optional<Application> stored = apps.find(meta.getNamespace(), meta.getName());
    if (stored.isEmpty() || !Ownership.fromResource(stored.get().getMetadata())) {
      return false;
    }
    boolean cascade = Ownership.cascades(meta.getFinalizers());
    LOG.infof(
        "application resource %s/%s deleted: deleting the app%s",
        meta.getNamespace(), meta.getName(), cascade ? " and its live objects" : "");
    try {
      commands.handle(
          new AppCommand.Delete(
              meta.getNamespace(),
              meta.getName(),
              cascade,
              Ownership.propagation(meta.getFinalizers()),
              null,
              "application-resource",
              Instant.now()),
          true);
    } catch (ProblemException e) {
      if (e.problem().status() != 404) {
        throw e;
      }
    }
    return true;
  }

  /** The app to store for a resource: its name, labels, annotations (marked), finalizers, spec. */
  static Application fromResource(Application resource) {
    Application app = new Application();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(resource.getMetadata().getName());
    meta.setNamespace(resource.getMetadata().getNamespace());
    meta.setLabels(resource.getMetadata().getLabels());
    meta.setAnnotations(Ownership.marked(resource.getMetadata().getAnnotations()));
    meta.setFinalizers(resource.getMetadata().getFinalizers());
    app.setMetadata(meta);
    if (resource.getSpec() != null) {
      app.setSpec(Json.mapper().convertValue(resource.getSpec(), resource.getSpec().getClass()));
      if (app.getSpec().getProject() == null || app.getSpec().getProject().isBlank()) {
        app.getSpec().setProject(ProjectRepository.DEFAULT_PROJECT); // as the API's validation
      }
    }
    return app;
  }

  private static boolean same(Application stored, Application wanted) {
    var a = stored.getMetadata();
    var b = wanted.getMetadata();
    return Json.mapper()
            .valueToTree(stored.getSpec())
            .equals(Json.mapper().valueToTree(wanted.getSpec()))
        && Objects.equals(emptyToNull(a.getLabels()), emptyToNull(b.getLabels()))
        && Objects.equals(emptyToNull(a.getAnnotations()), emptyToNull(b.getAnnotations()))
        && Objects.equals(emptyToNull(a.getFinalizers()), emptyToNull(b.getFinalizers()));
  }

  private static Object emptyToNull(java.util.Map<?, ?> map) {
    return map == null || map.isEmpty() ? null : map;
  }

  private static Object emptyToNull(java.util.List<?> list) {
    return list == null || list.isEmpty() ? null : list;
  }
}
