package io.quargo.reposerver.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * One bare clone per repository URL under a cache directory: cloned on first use, fetched after.
 * Concurrent fetches of one repository share a single network fetch. Counts its Git network calls
 * so that callers and tests can see when Git was touched.
 */
public final class GitRepoCache implements AutoCloseable {

  private static final RefSpec HEADS = new RefSpec("+refs/heads/*:refs/heads/*");
  private static final RefSpec TAGS = new RefSpec("+refs/tags/*:refs/tags/*");

  private final Path reposDir;
  private final Duration timeout;
  private final Map<String, Repository> open = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> fetching = new ConcurrentHashMap<>();
  private final AtomicLong fetches = new AtomicLong();
  private final AtomicLong lsRemotes = new AtomicLong();
  private final SshSessions ssh;

  public GitRepoCache(Path cacheDir, Duration timeout) {
    this.reposDir = cacheDir.resolve("repos");
    this.timeout = timeout;
    this.ssh = new SshSessions(cacheDir.resolve("ssh"));
  }

  /**
   * The server's refs (full names such as {@code refs/heads/main}, {@code refs/tags/v1}, and {@code
   * HEAD}) with the commit each points to (annotated tags peeled), in the server's order.
   */
  public Map<String, ObjectId> lsRemote(String url, GitCredentials credentials) {
    lsRemotes.incrementAndGet();
    try {
      Map<String, Ref> refs =
          Git.lsRemoteRepository()
              .setRemote(url)
              .setCredentialsProvider(credentials.provider())
              .setTransportConfigCallback(ssh.callback(url, credentials))
              .setTimeout(seconds())
              .callAsMap();
      Map<String, ObjectId> result = new LinkedHashMap<>();
      refs.forEach(
          (name, ref) -> {
            ObjectId id =
                ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
            if (id != null) {
              result.put(name, id);
            }
          });
      return result;
    } catch (GitAPIException e) {
      throw GitErrors.translate(url, e);
    }
  }

  /**
   * Fetches all branches and tags of {@code url} into its local clone (cloning it first when
   * absent). A call made while a fetch of the same repository runs waits for that fetch instead of
   * starting another.
   */
  public void fetch(String url, GitCredentials credentials) {
    String key = key(url);
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = fetching.putIfAbsent(key, mine);
    if (running != null) {
      try {
        running.join();
        return;
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      doFetch(url, credentials);
      mine.complete(null);
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      fetching.remove(key, mine);
    }
  }

  /** The local clone of {@code url}, or null when it was never fetched. */
  public Repository local(String url) {
    String key = key(url);
    Repository repo = open.get(key);
    if (repo != null || !Files.isDirectory(repoDir(key))) {
      return repo;
    }
    return open.computeIfAbsent(key, k -> openOrCreate(repoDir(k)));
  }

  /** Whether the local clone of {@code url} has the commit {@code id}. */
  public boolean hasCommit(String url, ObjectId id) {
    Repository repo = local(url);
    try {
      return repo != null && repo.getObjectDatabase().has(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file-system-safe, stable name for a repository URL. */
  public static String key(String url) {
    String normal = url.trim().replaceAll("/+$", "").replaceAll("\\.git$", "");
    String readable = GitErrors.redact(normal).replaceAll("^[a-z+]+://", "");
    readable = readable.replaceAll("[^A-Za-z0-9._-]+", "_");
    if (readable.length() > 60) {
      readable = readable.substring(readable.length() - 60);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
      return readable + "-" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many network fetches ran since start. */
  public long fetchCount() {
    return fetches.get();
  }

  /** How many ls-remote calls ran since start. */
  public long lsRemoteCount() {
    return lsRemotes.get();
  }

  private void doFetch(String url, GitCredentials credentials) {
    fetches.incrementAndGet();
    String key = key(url);
    Repository repo = open.computeIfAbsent(key, k -> openOrCreate(repoDir(k)));
    try (Git git = Git.wrap(repo)) {
      git.fetch()
          .setRemote(url)
          .setRefSpecs(HEADS, TAGS)
          .setTagOpt(TagOpt.NO_TAGS)
          .setRemoveDeletedRefs(true)
          .setCredentialsProvider(credentials.provider())
          .setTransportConfigCallback(ssh.callback(url, credentials))
          .setTimeout(seconds())
          .call();
    } catch (GitAPIException e) {
      throw GitErrors.translate(url, e);
    }
  }

  private Repository openOrCreate(Path dir) {
    try {
      boolean exists = Files.isDirectory(dir.resolve("objects"));
      Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
      if (!exists) {
        Files.createDirectories(dir.getParent());
        repo.create(true);
        // gc after a fetch runs in the fetching thread, not in the background behind our back
        repo.getConfig().setBoolean("gc", null, "autoDetach", false);
        repo.getConfig().save();
      }
      return repo;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the local clone in " + dir, e);
    }
  }

  private Path repoDir(String key) {
    return reposDir.resolve(key + ".git");
  }

  private int seconds() {
    return (int) Math.max(1, timeout.toSeconds());
  }

  @Override
  public void close() {
    open.values().forEach(Repository::close);
    open.clear();
    ssh.close();
  }
}
