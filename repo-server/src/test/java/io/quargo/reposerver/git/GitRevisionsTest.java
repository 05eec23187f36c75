package io.quargo.reposerver.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.reposerver.support.TestRepo;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Revision resolution, clone and fetch against a real git daemon. */
@ExtendWith(GitServerExtension.class)
class GitRevisionsTest {

  static GitServer server;
  static TestRepo repo;
  static String first;
  static String second;
  static String third;
  static String feature;

  @TempDir Path cacheDir;
  GitRepoCache cache;
  GitRevisions revisions;

  @BeforeAll
  static void serve(GitServer gitServer) {
    server = gitServer;
    repo = TestRepo.create(server, "revisions");
    first = repo.write("app/a.yaml", "a: 1\n").commitAndPush("first");
    repo.tag("v1.0.0", false).tag("v1.2.0", true);
    second = repo.write("app/a.yaml", "a: 2\n").commitAndPush("second");
    repo.tag("v1.2.5", true).tag("v2.0.0-rc.1", false);
    third = repo.write("app/a.yaml", "a: 3\n").commitAndPush("third");
    repo.tag("v2.1.0", false);
    feature = repo.branch("feature/x").write("f.yaml", "f: 1\n").commitAndPush("feature");
    repo.checkout("main");
  }

  @BeforeEach
  void newCache() {
    cache = new GitRepoCache(cacheDir, Duration.ofSeconds(30));
    revisions = new GitRevisions(cache, Duration.ZERO);
  }

  @Test
  void resolvesEveryRevisionForm() {
    assertThat(sha("HEAD")).isEqualTo(third);
    assertThat(sha("")).isEqualTo(third);
    assertThat(sha("main")).isEqualTo(third);
    assertThat(sha("refs/heads/main")).isEqualTo(third);
    assertThat(sha("feature/x")).isEqualTo(feature);
    assertThat(sha("v1.0.0")).isEqualTo(first);
    assertThat(sha("v1.2.0")).as("annotated tag, peeled").isEqualTo(first);
    assertThat(sha(second)).as("full SHA").isEqualTo(second);
    assertThat(sha(second.substring(0, 7))).as("short SHA").isEqualTo(second);
  }

  @Test
  void resolvesSemverRangesToTheNewestMatchingTag() {
    assertThat(sha("1.2.*")).isEqualTo(second);
    assertThat(sha(">=1.0.0 <2.0.0")).isEqualTo(second);
    assertThat(sha("~1.2")).isEqualTo(second);
    assertThat(sha("^1.0")).isEqualTo(second);
    assertThat(sha("1.0.*")).isEqualTo(first);
    assertThat(sha(">=2.0.0-rc.0")).isEqualTo(third);
    assertThat(sha("2.0.0-rc.1")).as("an exact pre-release version").isEqualTo(second);
  }

  @Test
  void unknownRevisionsFailWithTheirName() {
    assertThatThrownBy(() -> sha("no-such-branch"))
        .isInstanceOf(UnknownRevisionException.class)
        .hasMessageContaining("\"no-such-branch\"");
    assertThatThrownBy(() -> sha("^9.0")).isInstanceOf(UnknownRevisionException.class);
    assertThatThrownBy(() -> sha("deadbeef")).isInstanceOf(UnknownRevisionException.class);
  }

  @Test
  void clonesOnFirstUseAndFetchesAfterAPush() throws Exception {
    TestRepo moving = TestRepo.create(server, "moving");
    String one = moving.write("x.yaml", "x: 1\n").commitAndPush("one");
    assertThat(sha(moving, "main")).isEqualTo(one);
    assertThat(cache.fetchCount()).isEqualTo(1);
    assertThat(Files.isDirectory(cacheDir.resolve("repos"))).isTrue();

    assertThat(sha(moving, "main")).isEqualTo(one);
    assertThat(cache.fetchCount()).as("commit already local: no fetch").isEqualTo(1);

    String two = moving.write("x.yaml", "x: 2\n").commitAndPush("two");
    assertThat(sha(moving, "main")).isEqualTo(two);
    assertThat(cache.fetchCount()).isEqualTo(2);
    assertThat(cache.hasCommit(moving.url(), org.eclipse.jgit.lib.ObjectId.fromString(one)))
        .isTrue();
  }

  @Test
  void concurrentRequestsForOneRepositoryShareOneFetch() throws Exception {
    int callers = 8;
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  cache.fetch(repo.url(), GitCredentials.NONE);
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.fetchCount()).isEqualTo(1);
  }

  @Test
  void rememberedRevisionsDoNotAskTheServerAgainWithinTheirTtl() {
    GitRevisions remembering = new GitRevisions(cache, Duration.ofMinutes(3));
    remembering.resolve(repo.url(), GitCredentials.NONE, "main");
    long lsRemotes = cache.lsRemoteCount();
    long fetches = cache.fetchCount();
    assertThat(remembering.resolve(repo.url(), GitCredentials.NONE, "main").sha()).isEqualTo(third);
    assertThat(cache.lsRemoteCount()).isEqualTo(lsRemotes);
    assertThat(cache.fetchCount()).isEqualTo(fetches);
  }

  @Test
  void listsRefs() {
    RemoteRefs refs = revisions.refs(repo.url(), GitCredentials.NONE);
    assertThat(refs.head()).isEqualTo(third);
    assertThat(refs.branches())
        .containsExactly(
            new RemoteRefs.NamedRef("feature/x", feature), new RemoteRefs.NamedRef("main", third));
    assertThat(refs.tags())
        .extracting(RemoteRefs.NamedRef::name)
        .contains("v1.0.0", "v1.2.0", "v2.1.0");
    assertThat(refs.tags()).contains(new RemoteRefs.NamedRef("v1.2.5", second));
  }

  @Test
  void anUnreachableRepositoryIsABadGateway() {
    assertThatThrownBy(() -> revisions.resolve(server.url("missing"), GitCredentials.NONE, "main"))
        .isInstanceOf(GitAccessException.class)
        .satisfies(e -> assertThat(((GitAccessException) e).status()).isEqualTo(502));
  }

  private String sha(String revision) {
    return sha(repo, revision);
  }

  private String sha(TestRepo r, String revision) {
    return revisions.resolve(r.url(), GitCredentials.NONE, revision).sha();
  }
}
