package io.quargo.reposerver.support;

import io.quargo.testkit.git.GitServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A working copy of a repository served by testkit's Git server, for what {@code GitServer} does
 * not offer: symlinks, annotated tags, branches, pushes through the git CLI.
 */
public final class TestRepo {

  private final String url;
  private final Path work;

  private TestRepo(String url, Path work) {
    this.url = url;
    this.work = work;
  }

  /**
   * A working copy of a new repository on testkit's shared Git server, named after {@code prefix}.
   */
  public static TestRepo create(GitServer server, String prefix) {
    String name = server.createUniqueRepo(prefix);
    return cloneOf(server.url(name), server.repos().dir(name));
  }

  static TestRepo cloneOf(String url, Path bare) {
    try {
      Path work = Files.createTempDirectory("quargo-work-");
      git(work, "init", "--initial-branch=main");
      git(work, "remote", "add", "origin", bare.toString());
      return new TestRepo(url, work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's git:// URL. */
  public String url() {
    return url;
  }

  /** Writes {@code content} to {@code path} in the working copy. */
  public TestRepo write(String path, String content) {
    try {
      Path file = work.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a symlink {@code path} pointing to {@code target}. */
  public TestRepo symlink(String path, String target) {
    try {
      Path link = work.resolve(path);
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, Path.of(target));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits everything and pushes the current branch; returns the commit SHA. */
  public String commitAndPush(String message) {
    git(work, "add", "-A");
    git(work, "commit", "-q", "--allow-empty", "-m", message);
    String branch = git(work, "rev-parse", "--abbrev-ref", "HEAD");
    git(work, "push", "-q", "origin", branch);
    return git(work, "rev-parse", "HEAD");
  }

  /** Tags HEAD ({@code annotated} or lightweight) and pushes the tag. */
  public TestRepo tag(String name, boolean annotated) {
    if (annotated) {
      git(work, "tag", "-a", name, "-m", "release " + name);
    } else {
      git(work, "tag", name);
    }
    git(work, "push", "-q", "origin", "refs/tags/" + name);
    return this;
  }

  /** Switches to a new branch {@code name} at HEAD. */
  public TestRepo branch(String name) {
    git(work, "checkout", "-q", "-b", name);
    return this;
  }

  /** Switches to the existing branch {@code name}. */
  public TestRepo checkout(String name) {
    git(work, "checkout", "-q", name);
    return this;
  }

  static String git(Path dir, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=Quargo Test",
                "-c",
                "user.email=test@quargo.io",
                "-c",
                "commit.gpgsign=false"));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
