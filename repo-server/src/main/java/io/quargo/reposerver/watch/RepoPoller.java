package io.quargo.reposerver.watch;

import io.quargo.common.events.RepoRevisionChanged;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Polls every watched repository each {@code quargo.repo-server.poll-interval} (3 minutes by
 * default, as Argo CD), so that a ref that moved without a webhook is still noticed.
 */
@ApplicationScoped
public class RepoPoller {

  private final RevisionDetector detector;

  public RepoPoller(RevisionDetector detector) {
    this.detector = detector;
  }

  @Scheduled(
      identity = "repo-poller",
      every = "${quargo.repo-server.poll-interval}",
      delayed = "${quargo.repo-server.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    pollAll();
  }

  /** Checks every watched repository now; returns the events published. */
  public List<RepoRevisionChanged> pollAll() {
    return detector.checkAll();
  }
}
