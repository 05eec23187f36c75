package io.quargo.reposerver.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.reposerver.support.TestRepo;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Per-commit file trees: content, symlinks kept as symlinks, and the per-repository limit. */
@ExtendWith(GitServerExtension.class)
class CommitTreesTest {

  static TestRepo repo;
  static List<String> commits;

  @TempDir Path cacheDir;

  @BeforeAll
  static void serve(GitServer server) {
    repo = TestRepo.create(server, "trees");
    String one = repo.write("a.yaml", "v: 1\n").symlink("link.yaml", "a.yaml").commitAndPush("1");
    String two = repo.write("a.yaml", "v: 2\n").commitAndPush("2");
    String three = repo.write("a.yaml", "v: 3\n").commitAndPush("3");
    commits = List.of(one, two, three);
  }

  @Test
  void writesTheCommitsFilesAndSymlinks() throws IOException {
    GitRevisions revisions = revisions();
    CommitTrees trees = new CommitTrees(cacheDir, 5);
    Path root =
        trees.withTree(revisions.resolve(repo.url(), GitCredentials.NONE, commits.get(0)), p -> p);
    assertThat(Files.readString(root.resolve("a.yaml"))).isEqualTo("v: 1\n");
    assertThat(Files.isSymbolicLink(root.resolve("link.yaml"))).isTrue();
    assertThat(Files.readString(root.resolve("link.yaml"))).isEqualTo("v: 1\n");
    trees.withTree(revisions.resolve(repo.url(), GitCredentials.NONE, commits.get(0)), p -> p);
    assertThat(trees.writtenCount()).isEqualTo(1);
  }

  @Test
  void keepsAtMostTheLimitPerRepositoryButNeverATreeInUse() throws IOException {
    GitRevisions revisions = revisions();
    CommitTrees trees = new CommitTrees(cacheDir, 1);
    ResolvedRevision first = revisions.resolve(repo.url(), GitCredentials.NONE, commits.get(0));
    ResolvedRevision second = revisions.resolve(repo.url(), GitCredentials.NONE, commits.get(1));
    ResolvedRevision third = revisions.resolve(repo.url(), GitCredentials.NONE, commits.get(2));
    trees.withTree(
        first,
        root -> {
          trees.withTree(second, p -> p);
          trees.withTree(third, p -> p);
          assertThat(root.resolve("a.yaml")).as("in use, so kept").exists();
          return root;
        });
    assertThat(treeDirs()).hasSize(1);
    String content = trees.withTree(second, p -> readQuietly(p.resolve("a.yaml")));
    assertThat(content).isEqualTo("v: 2\n");
    assertThat(treeDirs()).hasSize(1);
  }

  private GitRevisions revisions() {
    return new GitRevisions(new GitRepoCache(cacheDir, Duration.ofSeconds(30)), Duration.ZERO);
  }

  private List<Path> treeDirs() throws IOException {
    try (Stream<Path> repos = Files.list(cacheDir.resolve("trees"))) {
      Path repoDir = repos.findFirst().orElseThrow();
      try (Stream<Path> dirs = Files.list(repoDir)) {
        return dirs.toList();
      }
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
