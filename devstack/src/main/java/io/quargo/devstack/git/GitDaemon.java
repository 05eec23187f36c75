package io.quargo.devstack.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Git server: {@code git daemon} serving every bare repository under a base directory over
 * {@code git://127.0.0.1:port/}, with clone, fetch and push enabled.
 */
public final class GitDaemon implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(15);

  private final Process process;
  private final Path baseDir;
  private final int port;

  private GitDaemon(Process process, Path baseDir, int port) {
    this.process = process;
    this.baseDir = baseDir;
    this.port = port;
  }

  /**
   * Starts {@code git daemon} on the given port (0 picks a free one) and waits until it accepts.
   *
   * @param baseDir where the bare repositories live; created when missing
   * @param port the TCP port on 127.0.0.1, or 0 for a free one
   * @param log where the daemon's output goes, or null to discard it
   */
  public static GitDaemon start(Path baseDir, int port, Path log) {
    requireGit();
    int chosen = port == 0 ? freePort() : port;
    try {
      Files.createDirectories(baseDir);
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      "git",
                      "daemon",
                      "--reuseaddr",
                      "--listen=127.0.0.1",
                      "--port=" + chosen,
                      "--base-path=" + baseDir.toAbsolutePath(),
                      "--export-all",
                      "--enable=receive-pack",
                      "--informative-errors",
                      baseDir.toAbsolutePath().toString()))
              .redirectErrorStream(true);
      if (log == null) {
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      } else {
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      }
      GitDaemon daemon = new GitDaemon(builder.start(), baseDir, chosen);
      daemon.awaitListening();
      return daemon;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start git daemon on port " + chosen, e);
    }
  }

  /** Fails with a clear message when the {@code git} command is not installed. */
  static void requireGit() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() == 0) {
        return;
      }
    } catch (IOException e) {
      // fall through to the message below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException(
        "the git command is missing: the Git server runs `git daemon`; install git"
            + " (Debian/Ubuntu: apt-get install git) and try again");
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "git daemon exited with code "
                + process.exitValue()
                + " on port "
                + port
                + "; is the port in use? see the daemon's log");
      }
      if (accepts(port)) {
        return;
      }
      pause();
    }
    close();
    throw new IllegalStateException("git daemon did not listen on port " + port + " in " + STARTUP);
  }

  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for git daemon", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port for git daemon", e);
    }
  }

  /** The clone URL of a repository served here: {@code git://127.0.0.1:port/name.git}. */
  public String url(String repoName) {
    return baseUrl() + (repoName.endsWith(".git") ? repoName : repoName + ".git");
  }

  /** {@code git://127.0.0.1:port/}, to which a repository name is appended. */
  public String baseUrl() {
    return "git://127.0.0.1:" + port + "/";
  }

  /** The TCP port. */
  public int port() {
    return port;
  }

  /** The directory holding the bare repositories. */
  public Path baseDir() {
    return baseDir;
  }

  /** The daemon process, for the stack's process records. */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /** Stops the daemon and the children it forked for connections. */
  @Override
  public void close() {
    process.toHandle().descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
  }
}
