package io.quargo.reposerver.git;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Read-only file trees of commits, written once per commit from the bare clone (no checkout, no
 * index) under {@code <cacheDir>/trees/<repo>/<sha>}, so that renderers work on plain files.
 * Symlinks are written as symlinks; whoever reads a path checks it with {@link RepoPaths}.
 */
public final class CommitTrees {

  private final Path treesDir;
  private final int perRepository;
  private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();
  private final Map<Path, Lease> leases = new HashMap<>();
  private final AtomicLong written = new AtomicLong();
  private long clock;

  /**
   * Trees under {@code <cacheDir>/trees}, at most {@code perRepository} per repository (unused ones
   * go first, least recently used first). Trees left by an earlier process are removed.
   */
  public CommitTrees(Path cacheDir, int perRepository) {
    this.treesDir = cacheDir.resolve("trees");
    this.perRepository = Math.max(1, perRepository);
    deleteTree(treesDir);
  }

  /**
   * Runs {@code work} on the directory holding the files of {@code revision}'s commit, written on
   * first use; the directory is not removed while {@code work} runs.
   */
  public <T> T withTree(ResolvedRevision revision, Function<Path, T> work) {
    Path dir = treesDir.resolve(GitRepoCache.key(revision.repoUrl())).resolve(revision.sha());
    acquire(dir);
    try {
      if (!Files.isDirectory(dir)) {
        synchronized (locks.computeIfAbsent(dir, d -> new Object())) {
          if (!Files.isDirectory(dir)) {
            write(revision.repo(), ObjectId.fromString(revision.sha()), dir);
          }
        }
      }
      return work.apply(dir);
    } finally {
      release(dir);
      evict(dir.getParent());
    }
  }

  /** How many commit trees were written since start. */
  public long writtenCount() {
    return written.get();
  }

  private synchronized void acquire(Path dir) {
    Lease lease = leases.computeIfAbsent(dir, d -> new Lease());
    lease.users++;
    lease.lastUsed = ++clock;
  }

  private synchronized void release(Path dir) {
    Lease lease = leases.get(dir);
    lease.users--;
    lease.lastUsed = ++clock;
  }

  /** Moves unused trees beyond the limit aside under the lock, then deletes them outside it. */
  private void evict(Path repoDir) {
    List<Path> trash = new ArrayList<>();
    synchronized (this) {
      List<Map.Entry<Path, Lease>> ofRepo =
          leases.entrySet().stream()
              .filter(e -> e.getKey().getParent().equals(repoDir))
              .sorted(Comparator.comparingLong(e -> e.getValue().lastUsed))
              .toList();
      int excess = ofRepo.size() - perRepository;
      for (Map.Entry<Path, Lease> e : ofRepo) {
        if (excess <= 0) {
          break;
        }
        if (e.getValue().users > 0) {
          continue;
        }
        Path dir = e.getKey();
        leases.remove(dir);
        excess--;
        Path aside = dir.resolveSibling(dir.getFileName() + ".old-" + UUID.randomUUID());
        try {
          if (Files.isDirectory(dir)) {
            Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
            trash.add(aside);
          }
        } catch (IOException ignored) {
          // left in place; it is tracked again on its next use
        }
      }
    }
    trash.forEach(CommitTrees::deleteTree);
  }

  private static final class Lease {
    int users;
    long lastUsed;
  }

  private void write(Repository repo, ObjectId commitId, Path dir) {
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp-" + UUID.randomUUID());
    try (RevWalk walk = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader();
        TreeWalk tree = new TreeWalk(reader)) {
      RevCommit commit = walk.parseCommit(commitId);
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      Files.createDirectories(tmp);
      while (tree.next()) {
        FileMode mode = tree.getFileMode(0);
        Path target = tmp.resolve(tree.getPathString()).normalize();
        if (!target.startsWith(tmp) || mode == FileMode.GITLINK) {
          continue;
        }
        Files.createDirectories(target.getParent());
        byte[] bytes = reader.open(tree.getObjectId(0)).getBytes();
        if (mode == FileMode.SYMLINK) {
          Files.createSymbolicLink(target, Paths.get(new String(bytes, StandardCharsets.UTF_8)));
        } else {
          try (OutputStream out = Files.newOutputStream(target)) {
            out.write(bytes);
          }
        }
      }
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        deleteTree(tmp);
      }
      written.incrementAndGet();
    } catch (IOException e) {
      deleteTree(tmp);
      throw new UncheckedIOException("cannot write the files of commit " + commitId.name(), e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover temporary directory is harmless
    }
  }
}
