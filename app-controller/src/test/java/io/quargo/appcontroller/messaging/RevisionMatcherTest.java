package io.quargo.appcontroller.messaging;

import static org.assertj.core.api.Assertions.assertThat;

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
  void urlVariantsCoverDotGitAndSlash() {
    assertThat(RevisionMatcher.variants("https://h/r.git"))
        .contains("https://h/r", "https://h/r.git", "https://h/r/");
  }
}
