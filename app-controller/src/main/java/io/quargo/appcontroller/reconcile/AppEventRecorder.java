package io.quargo.appcontroller.reconcile;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.common.model.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Records a Kubernetes Event on an Application, as Argo CD's audit logger does: the API server for
 * changes made through it ({@code ResourceUpdated}, {@code ResourceDeleted}, a user's {@code
 * OperationStarted}), the application controller for operations and status changes ({@link
 * OperationEvents}), so {@code GET .../events} shows them. Best effort: what the Event tells of
 * already happened, so a failed write is only logged.
 */
@ApplicationScoped
public class AppEventRecorder {

  /** The {@code source.component} of Events Argo's API server records. */
  public static final String SERVER = "argocd-server";

  /** The {@code source.component} of Events Argo's application controller records. */
  public static final String CONTROLLER = "argocd-application-controller";

  private static final Logger LOG = Logger.getLogger(AppEventRecorder.class);

  /**
   * The last name suffix used: Event names are {@code <app>.<hex nanoseconds>} as Argo's, kept
   * strictly increasing so two Events of one instant neither collide nor swap places in a list.
   */
  private final AtomicLong lastNanos = new AtomicLong();

  private final ClusterClients clusters;

  public AppEventRecorder(ClusterClients clusters) {
    this.clusters = clusters;
  }

  /**
   * A {@code Normal} event of {@code reason} with {@code message} on {@code app}, by the server.
   */
  public void record(Application app, String reason, String message) {
    record(app, "Normal", reason, message, SERVER);
  }

  /** An event of {@code type} (Normal, Warning) and {@code reason} by {@code component}. */
  public void record(
      Application app, String type, String reason, String message, String component) {
    Instant now = Instant.now();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    long unique = lastNanos.updateAndGet(last -> Math.max(last + 1, nanos));
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    var meta = app.getMetadata();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(meta.getName() + "." + Long.toHexString(unique))
            .withNamespace(meta.getNamespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion("argoproj.io/v1alpha1")
            .withKind("Application")
            .withName(meta.getName())
            .withNamespace(meta.getNamespace())
            .withUid(meta.getUid())
            .withResourceVersion(meta.getResourceVersion())
            .endInvolvedObject()
            .withNewSource()
            .withComponent(component)
            .endSource()
            .withReason(reason)
            .withAction(reason)
            .withMessage(message)
            .withType(type)
            .withCount(1)
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .build();
    try {
      clusters
          .inCluster()
          .objects()
          .client()
          .v1()
          .events()
          .inNamespace(meta.getNamespace())
          .resource(event)
          .create();
    } catch (RuntimeException e) {
      LOG.debugf(
          "cannot record event %s on application %s/%s: %s",
          reason, meta.getNamespace(), meta.getName(), e.getMessage());
    }
  }
}
