package io.quargo.reposerver.watch;

import io.quargo.common.events.CloudEvents;
import io.quargo.common.events.RepoRevisionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Sends {@link RepoRevisionChanged} as a CloudEvent on {@code quargo.repo.revisions}. */
@ApplicationScoped
public class RevisionPublisher {

  /** The outgoing channel, mapped to {@code Topics.REPO_REVISIONS} in application.properties. */
  public static final String CHANNEL = "repo-revisions";

  /** The CloudEvents source service name. */
  public static final String SERVICE = "repo-server";

  private final Emitter<RepoRevisionChanged> emitter;

  public RevisionPublisher(@Channel(CHANNEL) Emitter<RepoRevisionChanged> emitter) {
    this.emitter = emitter;
  }

  /** Publishes {@code event}, keyed by its repository URL. */
  public void publish(RepoRevisionChanged event) {
    emitter.send(CloudEvents.message(event, SERVICE));
  }
}
