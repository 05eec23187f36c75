package io.quargo.reposerver.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The repository paths that differ between two commits (added, modified, deleted; both sides of a
 * rename), sorted, from JGit's tree diff.
 */
public final class ChangedPaths {

  private ChangedPaths() {}

  /** The paths changed from {@code oldId} to {@code newId}; empty when {@code oldId} is null. */
  public static List<String> between(Repository repo, ObjectId oldId, ObjectId newId) {
    if (oldId == null || newId == null || oldId.equals(newId)) {
      return List.of();
    }
    try (RevWalk walk = new RevWalk(repo);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repo);
      diff.setDetectRenames(false);
      TreeSet<String> paths = new TreeSet<>();
      for (DiffEntry entry :
          diff.scan(walk.parseCommit(oldId).getTree(), walk.parseCommit(newId).getTree())) {
        if (!DiffEntry.DEV_NULL.equals(entry.getOldPath())) {
          paths.add(entry.getOldPath());
        }
        if (!DiffEntry.DEV_NULL.equals(entry.getNewPath())) {
          paths.add(entry.getNewPath());
        }
      }
      return List.copyOf(paths);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot compare commits " + oldId.name() + " and " + newId.name(), e);
    }
  }
}
