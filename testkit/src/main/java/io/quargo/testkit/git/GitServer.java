package io.quargo.testkit.git;

import io.quargo.devstack.git.GitDaemon;
import io.quargo.devstack.git.GitRepos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Git server for tests: one {@code git daemon} per test JVM over a temporary directory,
 * serving {@code git://127.0.0.1:port/<name>.git}, with helpers to create repositories and commit.
 */
public final class GitServer {
  private static GitServer shared;
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private final GitDaemon daemon;
  private final GitRepos repos;

  private GitServer(GitDaemon daemon) {
    this.daemon = daemon;
    this.repos = new GitRepos(daemon.baseDir());
  }

  /** The server shared by every test of this JVM, started on first use, stopped at JVM exit. */
  public static synchronized GitServer shared() {
    if (shared == null) {
      Path base = tempDir();
      GitDaemon daemon = GitDaemon.start(base.resolve("repos"), 0, base.resolve("git-daemon.log"));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    daemon.close();
                    deleteQuietly(base);
                  }));
      shared = new GitServer(daemon);
    }
    return shared;
  }

  /** Creates an empty repository (HEAD on {@code main}) and returns its clone URL. */
  public String createRepo(String name) {
    repos.create(name);
    return url(name);
  }

  /** Creates a repository with a name no other test uses, e.g. {@code apps-3}; returns the name. */
  public String createUniqueRepo(String prefix) {
    String name = prefix + "-" + UNIQUE.incrementAndGet();
    repos.create(name);
    return name;
  }

  /** Commits files (path to UTF-8 content) to a branch; returns the commit SHA. */
  public String commit(String repo, String branch, Map<String, String> files, String message) {
    return repos.commit(repo, branch, files, message);
  }

  /** Commits files to {@code main}; returns the commit SHA. */
  public String commit(String repo, Map<String, String> files, String message) {
    return commit(repo, "main", files, message);
  }

  /** Commits the removal of paths from a branch; returns the commit SHA. */
  public String delete(String repo, String branch, Collection<String> paths, String message) {
    return repos.delete(repo, branch, paths, message);
  }

  /** Tags a revision (branch, tag or SHA); returns the tagged SHA. */
  public String tag(String repo, String tag, String revision) {
    return repos.tag(repo, tag, revision);
  }

  /** The SHA a revision points at in the served repository, or null. */
  public String resolve(String repo, String revision) {
    return repos.resolve(repo, revision);
  }

  /** {@code git://127.0.0.1:port/<name>.git}. */
  public String url(String repo) {
    return daemon.url(repo);
  }

  /** {@code git://127.0.0.1:port/}, to which {@code <name>.git} is appended. */
  public String baseUrl() {
    return daemon.baseUrl();
  }

  /** The daemon's port. */
  public int port() {
    return daemon.port();
  }

  /** The lower-level helpers, for what this class does not offer. */
  public GitRepos repos() {
    return repos;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("quargo-git-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the Git server", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // the JVM is ending; a temp dir left behind is harmless
    }
  }
}
