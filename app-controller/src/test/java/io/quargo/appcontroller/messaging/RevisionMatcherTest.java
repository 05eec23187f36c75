package io.quargo.appcontroller.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.common.events.RepoRevisionChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which moved refs and changed paths concern an app's source. */
class RevisionMatcherTest {

  @Test
  void branchesAndTagsMatchByShortOrFullName() {
    assertThat(RevisionMatcher.follows("main", "refs/heads/main")).isTrue();
    assertThat(RevisionMatcher.follows("refs/heads/main", "refs/heads/main")).isTrue();
    assertThat(RevisionMatcher.follows("v1.2", "refs/tags/v1.2")).isTrue();
    assertThat(RevisionMatcher.follows("main", "refs/heads/dev")).isFalse();
  }

  @Test
  void headFollowsMainOrMasterAndAShaNeverMoves() {
    assertThat(RevisionMatcher.follows("HEAD", "refs/heads/master")).isTrue();
    assertThat(RevisionMatcher.follows(null, "refs/heads/main")).isTrue();
    assertThat(RevisionMatcher.follows("HEAD", "refs/heads/feature")).isFalse();
    assertThat(RevisionMatcher.follows("a".repeat(40), "refs/heads/main")).isFalse();
  }

  @Test
  void changedPathsTouchTheSourceDirectoryOnly() {
    assertThat(RevisionMatcher.touches(List.of("apps/web/deploy.yaml"), "apps/web")).isTrue();
    assertThat(RevisionMatcher.touches(List.of("apps/webshop/x.yaml"), "apps/web")).isFalse();
    assertThat(RevisionMatcher.touches(List.of("README.md"), "./apps/web/")).isFalse();
    assertThat(RevisionMatcher.touches(List.of(), "apps/web")).isTrue();
    assertThat(RevisionMatcher.touches(List.of("README.md"), ".")).isTrue();
  }

  @Test
  void aKustomizeOverlayWhoseBaseChangedMatchesAndAnUnrelatedAppDoesNot() {
    RepoRevisionChanged baseChanged =
        new RepoRevisionChanged(
            "git://h/r.git",
            "refs/heads/main",
            "1".repeat(40),
            "2".repeat(40),
            List.of("apps/base/deployment.yaml"),
            Instant.now(),
            List.of("apps/overlays/prod"));
    assertThat(RevisionMatcher.touches(baseChanged, "apps/overlays/prod")).isTrue();
    assertThat(RevisionMatcher.touches(baseChanged, "./apps/overlays/prod/")).isTrue();
    assertThat(RevisionMatcher.touches(baseChanged, "apps/unrelated")).isFalse();
    assertThat(RevisionMatcher.touches(baseChanged, "apps/base")).isTrue();
  }

  @Test
  void withoutAffectedAppPathsAChangeOutsideThePathDoesNotMatch() {
    RepoRevisionChanged old =
        new RepoRevisionChanged(
            "git://h/r.git",
            "refs/heads/main",
            "1".repeat(40),
            "2".repeat(40),
            List.of("apps/base/deployment.yaml"),
            Instant.now());
    assertThat(RevisionMatcher.touches(old, "apps/overlays/prod")).isFalse();
    assertThat(RevisionMatcher.touches(old, "apps/base")).isTrue();
  }

  @Test
  void urlVariantsCoverDotGitAndSlash() {
    assertThat(RevisionMatcher.variants("https://h/r.git"))
        .contains("https://h/r", "https://h/r.git", "https://h/r/");
  }
}
