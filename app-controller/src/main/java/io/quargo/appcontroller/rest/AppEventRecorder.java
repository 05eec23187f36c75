package io.quargo.appcontroller.rest;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.common.model.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Records a Kubernetes Event on an Application, as Argo CD's API server does for changes made
 * through it (reason {@code ResourceUpdated}, {@code ResourceDeleted}), so {@code GET .../events}
 * shows them. Best effort: the change already happened, so a failed write is only logged.
 */
@ApplicationScoped
public class AppEventRecorder {

  private static final Logger LOG = Logger.getLogger(AppEventRecorder.class);

  private final ClusterClients clusters;

  public AppEventRecorder(ClusterClients clusters) {
    this.clusters = clusters;
  }

  /** A {@code Normal} event of {@code reason} with {@code message} on {@code app}. */
  public void record(Application app, String reason, String message) {
    Instant now = Instant.now();
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    var meta = app.getMetadata();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                meta.getName()
                    + "."
                    + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano()))
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
            .withComponent("argocd-server")
            .endSource()
            .withReason(reason)
            .withAction(reason)
            .withMessage(message)
            .withType("Normal")
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
    } catch (KubernetesClientException e) {
      LOG.debugf(
          "cannot record event %s on application %s/%s: %s",
          reason, meta.getNamespace(), meta.getName(), e.getMessage());
    }
  }
}
