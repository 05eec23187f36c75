package io.quargo.reposerver.watch;

import io.quargo.common.events.RepoRevisionChanged;
import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.GitErrors;
import io.quargo.reposerver.git.GitRepoCache;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RepoCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import org.jboss.logging.Logger;

/**
 * Watched repositories and the branch and tag SHAs last seen for each. {@link #check} asks the
 * server for its refs, and for every ref that moved fetches at once, finds the changed paths,
 * forgets remembered revisions of the repository and publishes a {@link RepoRevisionChanged} with
 * the apps whose recorded dependencies ({@link AppDependencies}) include a changed path. One check
 * of a repository runs at a time, so a poll and a webhook never publish a move twice.
 */
@ApplicationScoped
public class RevisionDetector {

  private static final Logger LOG = Logger.getLogger(RevisionDetector.class);

  private final GitRepoCache git;
  private final GitRevisions revisions;
  private final RepoCredentials credentials;
  private final RevisionPublisher publisher;
  private final AppDependencies dependencies;
  private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public RevisionDetector(
      GitRepoCache git,
      GitRevisions revisions,
      RepoCredentials credentials,
      RevisionPublisher publisher,
      AppDependencies dependencies) {
    this.git = git;
    this.revisions = revisions;
    this.credentials = credentials;
    this.publisher = publisher;
    this.dependencies = dependencies;
  }

  /**
   * Watches {@code url} from now on (a no-op when already watched): its current refs become the
   * baseline that later checks compare with.
   */
  public void watch(String url) {
    if (url == null || url.isBlank() || known.containsKey(url)) {
      return;
    }
    synchronized (lock(url)) {
      if (!known.containsKey(url)) {
        known.put(url, refs(url));
      }
    }
  }

  /** The watched repository URLs. */
  public Set<String> watched() {
    return Set.copyOf(known.keySet());
  }

  /** The watched URLs that name the same repository as any of {@code urls}. */
  public List<String> watchedMatching(List<String> urls) {
    List<String> matching = new ArrayList<>();
    for (String watched : known.keySet()) {
      if (urls.stream().anyMatch(u -> RepoUrls.same(u, watched))) {
        matching.add(watched);
      }
    }
    return matching;
  }

  /** Compares the server's refs of watched {@code url} with the last seen; publishes the moves. */
  public List<RepoRevisionChanged> check(String url) {
    synchronized (lock(url)) {
      Map<String, String> before = known.get(url);
      if (before == null) {
        return List.of();
      }
      Map<String, String> now = refs(url);
      List<String> moved = new ArrayList<>();
      now.forEach(
          (ref, sha) -> {
            if (!Objects.equals(before.get(ref), sha)) {
              moved.add(ref);
            }
          });
      if (moved.isEmpty()) {
        known.put(url, now);
        return List.of();
      }
      GitCredentials creds = credentials.forUrl(url);
      git.fetch(url, creds);
      if (moved.stream().anyMatch(ref -> !git.hasCommit(url, ObjectId.fromString(now.get(ref))))) {
        // a fetch that was already running when the ref moved may not have brought the commit
        git.fetch(url, creds);
      }
      revisions.forget(url);
      List<RepoRevisionChanged> events = new ArrayList<>();
      Instant detectedAt = Instant.now();
      for (String ref : moved) {
        String oldSha = before.get(ref);
        String newSha = now.get(ref);
        ObjectId oldId = oldSha == null ? null : ObjectId.fromString(oldSha);
        List<String> paths =
            oldId != null && git.hasCommit(url, oldId)
                ? ChangedPaths.between(git.local(url), oldId, ObjectId.fromString(newSha))
                : List.of();
        List<String> affected = paths.isEmpty() ? null : dependencies.affected(url, paths);
        RepoRevisionChanged event =
            new RepoRevisionChanged(url, ref, oldSha, newSha, paths, detectedAt, affected);
        publisher.publish(event);
        events.add(event);
      }
      known.put(url, now);
      LOG.infof(
          "%s: %d ref(s) moved (%s); published on quargo.repo.revisions",
          GitErrors.redact(url), moved.size(), String.join(", ", moved));
      return events;
    }
  }

  /** Checks every watched repository; a failing one is logged and does not stop the others. */
  public List<RepoRevisionChanged> checkAll() {
    List<RepoRevisionChanged> events = new ArrayList<>();
    for (String url : known.keySet()) {
      try {
        events.addAll(check(url));
      } catch (RuntimeException e) {
        LOG.warnf("polling %s failed: %s", GitErrors.redact(url), e.getMessage());
      }
    }
    return events;
  }

  private Map<String, String> refs(String url) {
    Map<String, String> refs = new LinkedHashMap<>();
    git.lsRemote(url, credentials.forUrl(url))
        .forEach(
            (name, id) -> {
              if (name.startsWith("refs/heads/") || name.startsWith("refs/tags/")) {
                refs.put(name, id.name());
              }
            });
    return refs;
  }

  private Object lock(String url) {
    return locks.computeIfAbsent(url, u -> new Object());
  }
}
