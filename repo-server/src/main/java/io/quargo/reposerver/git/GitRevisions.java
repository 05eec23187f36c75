package io.quargo.reposerver.git;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Resolves a targetRevision as Argo CD does: {@code HEAD}, a branch, a tag, a semver range over
 * tags, then a full or short commit SHA; makes sure the local clone holds the commit. A resolved
 * name is trusted for a configurable time before the server is asked again.
 */
public final class GitRevisions {

  private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]{4,40}$");
  private static final Pattern FULL_SHA = Pattern.compile("^[0-9a-fA-F]{40}$");

  private final GitRepoCache cache;
  private final Duration ttl;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  public GitRevisions(GitRepoCache cache, Duration ttl) {
    this.cache = cache;
    this.ttl = ttl;
  }

  /** The repository cache underneath. */
  public GitRepoCache cache() {
    return cache;
  }

  /** Resolves {@code targetRevision} (blank means {@code HEAD}) of {@code url} to a commit. */
  public ResolvedRevision resolve(String url, GitCredentials credentials, String targetRevision) {
    String rev =
        targetRevision == null || targetRevision.isBlank() ? "HEAD" : targetRevision.trim();
    if (FULL_SHA.matcher(rev).matches() && cache.hasCommit(url, ObjectId.fromString(rev))) {
      return resolved(url, rev, ObjectId.fromString(rev));
    }
    String memoKey = url + "\n" + rev;
    Remembered memo = remembered.get(memoKey);
    if (memo != null && memo.until() > System.nanoTime() && cache.hasCommit(url, memo.id())) {
      return resolved(url, rev, memo.id());
    }
    Map<String, ObjectId> refs = cache.lsRemote(url, credentials);
    Optional<ObjectId> byRef = fromRefs(refs, rev);
    if (byRef.isPresent()) {
      ObjectId id = byRef.get();
      if (!cache.hasCommit(url, id)) {
        cache.fetch(url, credentials);
      }
      if (!cache.hasCommit(url, id)) {
        throw new UnknownRevisionException(GitErrors.redact(url), rev);
      }
      if (!ttl.isZero()) {
        remembered.put(memoKey, new Remembered(id, System.nanoTime() + ttl.toNanos()));
      }
      return resolved(url, rev, id);
    }
    if (!HEX.matcher(rev).matches()) {
      throw new UnknownRevisionException(GitErrors.redact(url), rev);
    }
    if (!FULL_SHA.matcher(rev).matches() || !cache.hasCommit(url, ObjectId.fromString(rev))) {
      cache.fetch(url, credentials);
    }
    return resolved(url, rev, commitByPrefix(url, rev));
  }

  /** The refs the server advertises, for {@code GET /repositories/{repo}/refs}. */
  public RemoteRefs refs(String url, GitCredentials credentials) {
    Map<String, ObjectId> refs = cache.lsRemote(url, credentials);
    List<RemoteRefs.NamedRef> branches = new ArrayList<>();
    List<RemoteRefs.NamedRef> tags = new ArrayList<>();
    refs.forEach(
        (name, id) -> {
          if (name.startsWith("refs/heads/")) {
            branches.add(new RemoteRefs.NamedRef(name.substring(11), id.name()));
          } else if (name.startsWith("refs/tags/")) {
            tags.add(new RemoteRefs.NamedRef(name.substring(10), id.name()));
          }
        });
    branches.sort(Comparator.comparing(RemoteRefs.NamedRef::name));
    tags.sort(Comparator.comparing(RemoteRefs.NamedRef::name));
    ObjectId head = refs.get("HEAD");
    return new RemoteRefs(head == null ? null : head.name(), branches, tags);
  }

  /** Forgets remembered resolutions of {@code url}, so that the next request asks the server. */
  public void forget(String url) {
    remembered.keySet().removeIf(k -> k.startsWith(url + "\n"));
  }

  static Optional<ObjectId> fromRefs(Map<String, ObjectId> refs, String rev) {
    if (rev.equals("HEAD")) {
      return Optional.ofNullable(refs.get("HEAD"));
    }
    for (String name : List.of(rev, "refs/heads/" + rev, "refs/tags/" + rev)) {
      if (name.startsWith("refs/") && refs.containsKey(name)) {
        return Optional.of(refs.get(name));
      }
    }
    return SemverConstraint.parse(rev).flatMap(c -> newestMatchingTag(refs, c));
  }

  private static Optional<ObjectId> newestMatchingTag(
      Map<String, ObjectId> refs, SemverConstraint constraint) {
    Semver best = null;
    ObjectId bestId = null;
    for (Map.Entry<String, ObjectId> e : refs.entrySet()) {
      if (!e.getKey().startsWith("refs/tags/")) {
        continue;
      }
      Optional<Semver> v = Semver.parse(e.getKey().substring(10));
      if (v.isPresent()
          && constraint.matches(v.get())
          && (best == null || v.get().compareTo(best) > 0)) {
        best = v.get();
        bestId = e.getValue();
      }
    }
    return Optional.ofNullable(bestId);
  }

  private ObjectId commitByPrefix(String url, String rev) {
    Repository repo = cache.local(url);
    try {
      ObjectId id = repo == null ? null : repo.resolve(rev + "^{commit}");
      if (id == null) {
        throw new UnknownRevisionException(GitErrors.redact(url), rev);
      }
      return id;
    } catch (AmbiguousObjectException e) {
      throw new UnknownRevisionException(
          GitErrors.redact(url), rev + " (ambiguous: give more digits)");
    } catch (IOException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
      throw new UnknownRevisionException(GitErrors.redact(url), rev);
    }
  }

  private ResolvedRevision resolved(String url, String rev, ObjectId id) {
    return new ResolvedRevision(url, rev, id.name(), cache.local(url));
  }

  private record Remembered(ObjectId id, long until) {}
}
