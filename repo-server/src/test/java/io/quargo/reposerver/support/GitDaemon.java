package io.quargo.reposerver.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real {@code git daemon} serving bare repositories over git:// on a free loopback port, with
 * push enabled; for tests until testkit's Git server is used.
 */
public final class GitDaemon implements AutoCloseable {

  private final Path base;
  private final int port;
  private final Process process;

  private GitDaemon(Path base, int port, Process process) {
    this.base = base;
    this.port = port;
    this.process = process;
  }

  /** Starts a daemon over a new temporary directory and waits until it accepts connections. */
  public static GitDaemon start() {
    try {
      Path base = Files.createTempDirectory("quargo-git-daemon-");
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Process p =
          new ProcessBuilder(
                  "git",
                  "daemon",
                  "--reuseaddr",
                  "--listen=127.0.0.1",
                  "--port=" + port,
                  "--base-path=" + base,
                  "--export-all",
                  "--enable=receive-pack",
                  base.toString())
              .redirectErrorStream(true)
              .redirectOutput(base.resolve("daemon.log").toFile())
              .start();
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () -> {
                try (Socket s = new Socket()) {
                  s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                  return true;
                }
              });
      return new GitDaemon(base, port, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new bare repository {@code name} on the server, with a working copy to commit and push. */
  public TestRepo createRepo(String name) {
    Path bare = base.resolve(name + ".git");
    TestRepo.git(base, "init", "--bare", "--initial-branch=main", bare.toString());
    return TestRepo.cloneOf(url(name), bare);
  }

  /** The git:// URL of repository {@code name}. */
  public String url(String name) {
    return "git://127.0.0.1:" + port + "/" + name + ".git";
  }

  @Override
  public void close() {
    process.destroy();
  }
}
