package io.quargo.reposerver.render.helmrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.reposerver.RepoServerException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Choosing a chart version from an index as Argo CD does (Masterminds semver rules). */
class ChartVersionsTest {

  static final List<ChartVersion> VERSIONS =
      Stream.of(
              "0.9.0",
              "1.0.0",
              "1.1.0",
              "1.2.0",
              "1.2.7",
              "1.10.0",
              "2.0.0-beta.1",
              "2.0.0",
              "2.1.3",
              "10.0.0")
          .map(v -> new ChartVersion("app", v, List.of("app-" + v + ".tgz"), ""))
          .toList();

  @Test
  void exactVersionsAndConstraints() {
    assertThat(pick("1.2.0")).isEqualTo("1.2.0");
    assertThat(pick("v1.2.0")).isEqualTo("1.2.0");
    assertThat(pick("1.2.*")).isEqualTo("1.2.7");
    assertThat(pick("1.*")).isEqualTo("1.10.0");
    assertThat(pick(">=1.0.0 <2.0.0")).isEqualTo("1.10.0");
    assertThat(pick("~1.1")).isEqualTo("1.1.0");
    assertThat(pick("^2.0")).isEqualTo("2.1.3");
    assertThat(pick("*")).isEqualTo("10.0.0");
    assertThat(pick("2.0.0-beta.1")).isEqualTo("2.0.0-beta.1");
    assertThat(pick("<2.0.0")).isEqualTo("1.10.0");
    // as in Masterminds semver, each comparator without a pre-release refuses pre-releases
    assertThatThrownBy(() -> pick(">=2.0.0-0 <2.0.0")).isInstanceOf(RepoServerException.class);
  }

  @Test
  void noMatchNamesTheFiveVersionsNearestToTheOneAskedFor() {
    assertThatThrownBy(() -> pick("1.2.5"))
        .isInstanceOfSatisfying(
            RepoServerException.class,
            e ->
                assertThat(e.extensions().get("availableVersions"))
                    .isEqualTo(List.of("1.10.0", "1.2.7", "1.2.0", "1.1.0", "1.0.0")));
    assertThat(ChartVersions.nearest(VERSIONS, ">=11.0.0"))
        .containsExactly("10.0.0", "2.1.3", "2.0.0", "2.0.0-beta.1", "1.0.0");
    assertThat(ChartVersions.nearest(VERSIONS, "latest"))
        .containsExactly("10.0.0", "2.1.3", "2.0.0", "2.0.0-beta.1", "1.10.0");
    assertThatThrownBy(() -> pick("latest")).isInstanceOf(RepoServerException.class);
  }

  private static String pick(String targetRevision) {
    return ChartVersions.pick("http://repo", "app", VERSIONS, targetRevision).version();
  }
}
