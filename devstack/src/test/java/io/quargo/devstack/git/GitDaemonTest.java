package io.quargo.devstack.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitDaemonTest {
  @TempDir static Path base;
  static GitDaemon daemon;
  static GitRepos repos;

  @BeforeAll
  static void start() {
    daemon = GitDaemon.start(base.resolve("repos"), 0, base.resolve("daemon.log"));
    repos = new GitRepos(daemon.baseDir());
  }

  @AfterAll
  static void stop() {
    daemon.close();
  }

  @Test
  void servesCommittedFilesOverGitProtocol(@TempDir Path work) throws Exception {
    repos.create("app");
    String sha = repos.commit("app", "main", Map.of("a/b.yaml", "x: 1\n"), "first");

    try (Git clone =
        Git.cloneRepository().setURI(daemon.url("app")).setDirectory(work.toFile()).call()) {
      assertThat(clone.getRepository().resolve("HEAD").name()).isEqualTo(sha);
      assertThat(Files.readString(work.resolve("a/b.yaml"))).isEqualTo("x: 1\n");
    }
    assertThat(daemon.url("app")).isEqualTo("git://127.0.0.1:" + daemon.port() + "/app.git");
  }

  @Test
  void deletesKeepOtherFilesAndTagsResolve() throws Exception {
    repos.create("del");
    String first = repos.commit("del", "main", Map.of("keep.txt", "k", "gone.txt", "g"), "two");
    String second = repos.delete("del", "main", List.of("gone.txt"), "remove one");
    repos.tag("del", "v1", first);

    Iterable<Ref> refs = Git.lsRemoteRepository().setRemote(daemon.url("del")).setTags(true).call();
    assertThat(refs)
        .extracting(r -> r.getName() + "=" + r.getObjectId().name())
        .contains("refs/tags/v1=" + first);
    assertThat(repos.resolve("del", "main")).isEqualTo(second);
    assertThatThrownBy(() -> repos.delete("del", "main", List.of("nope"), "x"))
        .hasMessageContaining("cannot delete nope");
  }

  @Test
  void refusesPathsThatLeaveTheRepository() {
    repos.create("bad");
    assertThatThrownBy(() -> repos.commit("bad", "main", Map.of("../x", "y"), "m"))
        .hasMessageContaining("leaves the repository");
  }

  @Test
  void stopsTheProcessOnClose() {
    GitDaemon other = GitDaemon.start(base.resolve("other"), 0, null);
    ProcessHandle process = other.process();
    other.close();
    assertThat(process.isAlive()).isFalse();
    assertThat(GitDaemon.accepts(other.port())).isFalse();
  }
}
