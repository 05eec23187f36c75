package io.quargo.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.common.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which apps a moved ref concerns, and that events without affectedAppPaths still read. */
class RepoRevisionChangedTest {

  static RepoRevisionChanged move(List<String> changed, List<String> affected) {
    return new RepoRevisionChanged(
        "git://h/r.git", "refs/heads/main", "a", "b", changed, Instant.EPOCH, affected);
  }

  @Test
  void anOverlayWhoseBaseChangedIsConcernedThroughAffectedAppPaths() {
    RepoRevisionChanged event = move(List.of("base/deploy.yaml"), List.of("overlays/prod"));
    assertThat(event.concerns("overlays/prod")).isTrue();
    assertThat(event.concerns("./overlays/prod/")).isTrue();
    assertThat(event.concerns("overlays/staging")).isFalse();
    assertThat(event.concerns("base")).isTrue();
  }

  @Test
  void withoutAffectedAppPathsOnlyPathsUnderTheAppCount() {
    RepoRevisionChanged event = move(List.of("base/deploy.yaml"), null);
    assertThat(event.concerns("overlays/prod")).isFalse();
    assertThat(event.concerns("base")).isTrue();
    assertThat(event.concerns(".")).isTrue();
    assertThat(move(List.of(), List.of()).concerns("anything")).isTrue();
    assertThat(move(List.of("basement/x.yaml"), null).concerns("base")).isFalse();
  }

  @Test
  void anEventWrittenBeforeTheFieldExistedReadsWithNullAffectedAppPaths() throws Exception {
    String old =
        "{\"repoUrl\":\"git://h/r\",\"ref\":\"refs/heads/main\",\"oldSha\":\"a\",\"newSha\":\"b\","
            + "\"changedPaths\":[\"x/y.yaml\"],\"detectedAt\":\"2026-11-26T22:00:00Z\"}";
    RepoRevisionChanged event = Json.mapper().readValue(old, RepoRevisionChanged.class);
    assertThat(event.affectedAppPaths()).isNull();
    assertThat(event.changedPaths()).containsExactly("x/y.yaml");
    assertThat(event.concerns("x")).isTrue();
  }
}
