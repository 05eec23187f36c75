package io.quargo.devstack.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes to bare repositories under a base directory (the one a {@link GitDaemon} serves): create a
 * repository, commit files to a branch, delete files, tag. Commits are written straight into the
 * bare repository, so clients of the daemon see them at once, exactly as after a push.
 */
public final class GitRepos {
  private static final PersonIdent AUTHOR =
      new PersonIdent("Quargo Devstack", "devstack@quargo.local");

  private final Path baseDir;

  /** Repositories live in {@code baseDir/<name>.git}. */
  public GitRepos(Path baseDir) {
    this.baseDir = baseDir;
  }

  /** Creates an empty bare repository whose HEAD is {@code main}; returns its directory. */
  public Path create(String name) {
    Path dir = dir(name);
    if (Files.exists(dir.resolve("HEAD"))) {
      throw new IllegalArgumentException("repository " + name + " already exists in " + dir);
    }
    try (Git git =
        Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call()) {
      return dir;
    } catch (GitAPIException e) {
      throw new IllegalStateException("could not create bare repository " + dir, e);
    }
  }

  /** Whether the repository exists. */
  public boolean exists(String name) {
    return Files.exists(dir(name).resolve("HEAD"));
  }

  /**
   * Commits files (path in the repository to UTF-8 content) on top of the branch, creating the
   * branch when it does not exist; other files stay. Returns the new commit's SHA.
   */
  public String commit(String name, String branch, Map<String, String> files, String message) {
    return write(name, branch, files, java.util.List.of(), message);
  }

  /** Commits the removal of the given paths from the branch; returns the new commit's SHA. */
  public String delete(String name, String branch, Collection<String> paths, String message) {
    return write(name, branch, Map.of(), paths, message);
  }

  /** Creates (or moves) a lightweight tag on a commit, branch or SHA; returns the tagged SHA. */
  public String tag(String name, String tagName, String revision) {
    try (Repository repo = open(name)) {
      ObjectId target = repo.resolve(revision);
      if (target == null) {
        throw new IllegalArgumentException(
            "revision " + revision + " not found in repository " + name);
      }
      updateRef(repo, Constants.R_TAGS + tagName, target, null);
      return target.name();
    } catch (IOException e) {
      throw new UncheckedIOException("could not tag " + revision + " in " + name, e);
    }
  }

  /** The SHA a branch, tag or revision points at, or null when it does not exist. */
  public String resolve(String name, String revision) {
    try (Repository repo = open(name)) {
      ObjectId id = repo.resolve(revision);
      return id == null ? null : id.name();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read repository " + name, e);
    }
  }

  /** The bare repository's directory: {@code baseDir/<name>.git}. */
  public Path dir(String name) {
    return baseDir.resolve(name.endsWith(".git") ? name : name + ".git");
  }

  /** Every regular file under a directory, by its path relative to it (with '/'), as UTF-8 text. */
  public static Map<String, String> filesUnder(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        files.put(relative, Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read files under " + root, e);
    }
    return files;
  }

  private String write(
      String name,
      String branch,
      Map<String, String> files,
      Collection<String> deletions,
      String message) {
    String ref = Constants.R_HEADS + branch;
    try (Repository repo = open(name);
        ObjectInserter inserter = repo.newObjectInserter();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(ref);
      Map<String, DirCacheEntry> entries = new TreeMap<>();
      if (head != null) {
        RevCommit parent = walk.parseCommit(head);
        try (TreeWalk tree = new TreeWalk(repo)) {
          tree.addTree(parent.getTree());
          tree.setRecursive(true);
          while (tree.next()) {
            DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
            entry.setFileMode(tree.getFileMode(0));
            entry.setObjectId(tree.getObjectId(0));
            entries.put(tree.getPathString(), entry);
          }
        }
      }
      for (String path : deletions) {
        if (entries.remove(clean(path)) == null) {
          throw new IllegalArgumentException(
              "cannot delete " + path + ": not in branch " + branch + " of " + name);
        }
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(clean(file.getKey()));
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(
            inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
        entries.put(entry.getPathString(), entry);
      }
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      entries.values().forEach(builder::add);
      builder.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      if (head != null) {
        commit.setParentId(head);
      }
      PersonIdent now = new PersonIdent(AUTHOR, java.time.Instant.now());
      commit.setAuthor(now);
      commit.setCommitter(now);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      updateRef(repo, ref, id, head);
      return id.name();
    } catch (IOException e) {
      throw new UncheckedIOException("could not commit to " + branch + " of " + name, e);
    }
  }

  private static String clean(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.isEmpty() || p.equals("..") || p.startsWith("../") || p.contains("/../")) {
      throw new IllegalArgumentException("file path \"" + path + "\" leaves the repository");
    }
    return p;
  }

  private static void updateRef(Repository repo, String ref, ObjectId id, ObjectId expected)
      throws IOException {
    RefUpdate update = repo.updateRef(ref);
    update.setNewObjectId(id);
    update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
    if (ref.startsWith(Constants.R_TAGS)) {
      update.setExpectedOldObjectId(null);
      update.setForceUpdate(true);
    }
    RefUpdate.Result result = update.update();
    switch (result) {
      case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> {}
      default -> throw new IOException("updating " + ref + " failed: " + result);
    }
  }

  private Repository open(String name) throws IOException {
    Path dir = dir(name);
    if (!Files.exists(dir.resolve("HEAD"))) {
      throw new IllegalArgumentException(
          "repository " + name + " does not exist in " + baseDir + "; create it first");
    }
    return new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
  }
}
