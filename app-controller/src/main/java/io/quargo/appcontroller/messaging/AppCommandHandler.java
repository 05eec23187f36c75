package io.quargo.appcontroller.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.cluster.ClusterAccess;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.reconcile.AppKey;
import io.quargo.appcontroller.reconcile.AppReconciler;
import io.quargo.appcontroller.reconcile.OperationRunner;
import io.quargo.appcontroller.reconcile.ReconcileQueue;
import io.quargo.appcontroller.reconcile.Rollbacks;
import io.quargo.appcontroller.reconcile.SyncSpec;
import io.quargo.appcontroller.storage.ProcessedEvents;
import io.quargo.common.events.AppCommand;
import io.quargo.common.events.Topics;
import io.quargo.common.model.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Executes {@link AppCommand}s, whether they come from Kafka ({@code quargo.app.commands}) or from
 * the REST API, once per operation id: refresh queues (or runs) a reconcile, sync and rollback
 * start an operation, delete removes the app (and with cascade its live objects).
 */
@ApplicationScoped
public class AppCommandHandler {

  private static final Logger LOG = Logger.getLogger(AppCommandHandler.class);

  private final ApplicationRepository apps;
  private final AppReconciler reconciler;
  private final ReconcileQueue queue;
  private final OperationRunner operations;
  private final ProcessedEvents processed;
  private final ClusterClients clusters;
  private final Rollbacks rollbacks;

  public AppCommandHandler(
      ApplicationRepository apps,
      AppReconciler reconciler,
      ReconcileQueue queue,
      OperationRunner operations,
      ProcessedEvents processed,
      ClusterClients clusters,
      Rollbacks rollbacks) {
    this.apps = apps;
    this.reconciler = reconciler;
    this.queue = queue;
    this.operations = operations;
    this.processed = processed;
    this.clusters = clusters;
    this.rollbacks = rollbacks;
  }

  /**
   * Executes {@code command} unless its operation id was executed before; a refresh runs the
   * reconcile in this thread when {@code wait}, else queues it. Returns the app afterwards (empty
   * when deleted, or when the command was a repeat).
   */
  public Optional<Application> handle(AppCommand command, boolean wait) {
    if (command.operationId() != null && processed.seen(command.operationId())) {
      LOG.debugf("operation %s was executed already; ignored", command.operationId());
      return Optional.empty();
    }
    AppKey key = new AppKey(command.namespace(), command.name());
    Application app = apps.get(key.namespace(), key.name());
    Optional<Application> result;
    if (command instanceof AppCommand.Refresh) {
      if (wait) {
        result = reconciler.reconcile(key);
      } else {
        queue.enqueue(key);
        result = Optional.of(app);
      }
    } else if (command instanceof AppCommand.Sync s) {
      result = Optional.of(operations.submit(key, SyncSpec.requested(s)));
    } else if (command instanceof AppCommand.Rollback r) {
      result = Optional.of(operations.submit(key, rollbacks.prepare(r)));
    } else {
      delete(key, (AppCommand.Delete) command);
      result = Optional.empty();
    }
    if (command.operationId() != null) {
      processed.record(command.operationId(), Topics.APP_COMMANDS);
    }
    return result;
  }

  private void delete(AppKey key, AppCommand.Delete d) {
    Optional<Application> app = apps.find(key.namespace(), key.name());
    if (d.cascade() && app.isPresent()) {
      ClusterAccess access = clusters.forApp(app.get());
      var cluster = access.objects();
      for (ObjectNode object : access.tracked().of(key.name())) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        cluster
            .catalog()
            .find(apiVersion, kind)
            .ifPresent(
                k ->
                    cluster.delete(
                        k,
                        object.path("metadata").path("namespace").asText(null),
                        object.path("metadata").path("name").asText(),
                        d.propagationPolicy() == null ? "foreground" : d.propagationPolicy()));
      }
    }
    apps.delete(key.namespace(), key.name());
  }
}
