package io.quargo.appcontroller.messaging;

import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.reconcile.AppKey;
import io.quargo.appcontroller.reconcile.Apps;
import io.quargo.appcontroller.reconcile.ReconcileQueue;
import io.quargo.appcontroller.storage.ProcessedEvents;
import io.quargo.common.events.QuargoEvent;
import io.quargo.common.events.RepoRevisionChanged;
import io.quargo.common.events.Topics;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationSource;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code quargo.repo.revisions}: queues a reconcile of the apps whose source follows the
 * moved ref. Best effort: when the event lists changed paths and none is under an app's source
 * path, and the app was at the old commit, only {@code status.sync.revision} moves (nothing is
 * rendered), as the manifests cannot have changed.
 */
@ApplicationScoped
public class RepoRevisionConsumer {

  /** The incoming channel (topic {@code quargo.repo.revisions}). */
  public static final String CHANNEL = "repo-revisions";

  private static final Logger LOG = Logger.getLogger(RepoRevisionConsumer.class);

  private final ApplicationRepository apps;
  private final ReconcileQueue queue;
  private final ProcessedEvents processed;

  public RepoRevisionConsumer(
      ApplicationRepository apps, ReconcileQueue queue, ProcessedEvents processed) {
    this.apps = apps;
    this.queue = queue;
    this.processed = processed;
  }

  @Incoming(CHANNEL)
  @Blocking
  public CompletionStage<Void> consume(Message<QuargoEvent> message) {
    if (!(message.getPayload() instanceof RepoRevisionChanged event)) {
      return message.nack(
          new IllegalArgumentException(
              "not a repo revision event: "
                  + (message.getPayload() == null
                      ? AppCommandConsumer.failure(message)
                      : message.getPayload().getClass().getSimpleName())));
    }
    String id =
        message
            .getMetadata(IncomingCloudEventMetadata.class)
            .map(IncomingCloudEventMetadata::getId)
            .orElse(event.repoUrl() + "@" + event.newSha());
    try {
      if (processed.seen(id)) {
        return message.ack();
      }
      apply(event);
      processed.record(id, Topics.REPO_REVISIONS);
      return message.ack();
    } catch (RuntimeException e) {
      LOG.errorf(e, "revision event %s failed", id);
      return message.nack(e);
    }
  }

  /** Queues (or moves the revision of) every app that follows the moved ref. */
  public void apply(RepoRevisionChanged event) {
    for (Application app : apps.findByRepoUrls(RevisionMatcher.variants(event.repoUrl()))) {
      List<ApplicationSource> sources =
          Apps.renderedSources(app).stream()
              .filter(s -> RevisionMatcher.variants(event.repoUrl()).contains(s.getRepoURL()))
              .filter(s -> RevisionMatcher.follows(s.getTargetRevision(), event.ref()))
              .toList();
      if (sources.isEmpty()) {
        continue;
      }
      AppKey key = Apps.key(app);
      boolean touched = sources.stream().anyMatch(s -> RevisionMatcher.touches(event, s.getPath()));
      String current =
          app.getStatus() == null || app.getStatus().getSync() == null
              ? null
              : app.getStatus().getSync().getRevision();
      if (!touched
          && !Apps.multiSource(app)
          && event.oldSha() != null
          && event.oldSha().equals(current)) {
        apps.mutate(
            key.namespace(), key.name(), a -> Apps.status(a).getSync().setRevision(event.newSha()));
        LOG.debugf("%s: no change under its path; revision moved to %s", key, event.newSha());
      } else {
        queue.enqueue(key);
      }
    }
  }
}
