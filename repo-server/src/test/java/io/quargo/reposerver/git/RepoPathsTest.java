package io.quargo.reposerver.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoPathsTest {

  @TempDir Path tmp;

  @Test
  void acceptsPathsInside() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(root.resolve("apps/a"));
    assertThat(RepoPaths.resolve(root, root, "path", "apps/a")).isEqualTo(root.resolve("apps/a"));
    assertThat(RepoPaths.resolve(root, root, "path", "apps/../apps/a"))
        .isEqualTo(root.resolve("apps/a"));
    assertThat(RepoPaths.resolve(root, root.resolve("apps/a"), "v", "../b.yaml"))
        .isEqualTo(root.resolve("apps/b.yaml"));
  }

  @Test
  void refusesDotDotThatLeaves() {
    Path root = tmp.resolve("repo");
    assertThatThrownBy(() -> RepoPaths.resolve(root, root, "path", "../other"))
        .isInstanceOf(PathEscapeException.class)
        .hasMessage("path \"../other\" leaves the repository; use a path inside the repository");
  }

  @Test
  void refusesAbsolutePaths() {
    Path root = tmp.resolve("repo");
    assertThatThrownBy(() -> RepoPaths.resolve(root, root, "path", "/etc/passwd"))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("\"/etc/passwd\" is absolute");
  }

  @Test
  void refusesSymlinksThatLeave() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(tmp.resolve("secret"));
    Files.createSymbolicLink(root.resolve("escape"), Path.of("../secret"));
    assertThatThrownBy(() -> RepoPaths.resolve(root, root, "path", "escape"))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("path \"escape\" is or goes through a symlink that leaves it");
  }
}
