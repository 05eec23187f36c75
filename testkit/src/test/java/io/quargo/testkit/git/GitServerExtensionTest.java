package io.quargo.testkit.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(GitServerExtension.class)
class GitServerExtensionTest {

  @Test
  void clonesWhatWasCommitted(GitServer git, @TempDir Path work) throws Exception {
    String repo = git.createUniqueRepo("clone");
    String sha = git.commit(repo, Map.of("app/deploy.yaml", "kind: Deployment\n"), "add app");

    try (Git clone =
        Git.cloneRepository().setURI(git.url(repo)).setDirectory(work.toFile()).call()) {
      assertThat(clone.getRepository().resolve("HEAD").name()).isEqualTo(sha);
    }
    assertThat(Files.readString(work.resolve("app/deploy.yaml"))).isEqualTo("kind: Deployment\n");
    assertThat(git.url(repo)).startsWith("git://127.0.0.1:" + git.port() + "/clone-");
  }

  @Test
  void fetchSeesASecondCommitPushedByAClient(GitServer git, @TempDir Path work) throws Exception {
    String repo = git.createUniqueRepo("push");
    git.commit(repo, Map.of("a.txt", "one"), "first");
    Path pusher = work.resolve("pusher");
    Path reader = work.resolve("reader");
    try (Git p = Git.cloneRepository().setURI(git.url(repo)).setDirectory(pusher.toFile()).call();
        Git r = Git.cloneRepository().setURI(git.url(repo)).setDirectory(reader.toFile()).call()) {
      Files.writeString(pusher.resolve("a.txt"), "two");
      p.add().addFilepattern("a.txt").call();
      String second =
          p.commit()
              .setMessage("second")
              .setAuthor("t", "t@x")
              .setCommitter("t", "t@x")
              .call()
              .name();
      p.push().call();

      r.fetch().call();
      assertThat(r.getRepository().resolve("refs/remotes/origin/main").name()).isEqualTo(second);
      assertThat(git.resolve(repo, "main")).isEqualTo(second);
    }
  }

  @Test
  void tagsAreServed(GitServer git) throws Exception {
    String repo = git.createUniqueRepo("tag");
    String first = git.commit(repo, Map.of("v.txt", "1"), "v1");
    git.commit(repo, Map.of("v.txt", "2"), "v2");
    git.tag(repo, "v1.0.0", first);

    Iterable<Ref> tags = Git.lsRemoteRepository().setRemote(git.url(repo)).setTags(true).call();
    assertThat(tags)
        .extracting(t -> t.getName() + " " + t.getObjectId().name())
        .containsExactly("refs/tags/v1.0.0 " + first);
  }

  @Test
  void theTestResourceGivesTheBaseUrl() {
    Map<String, String> config = new GitServerTestResource().start();
    assertThat(config)
        .containsEntry(
            GitServerTestResource.URL_PROPERTY,
            "git://127.0.0.1:" + GitServer.shared().port() + "/");
  }
}
