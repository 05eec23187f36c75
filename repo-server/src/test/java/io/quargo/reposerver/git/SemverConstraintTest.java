package io.quargo.reposerver.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverConstraintTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "1.2.*, 1.2.0, true",
    "1.2.*, 1.2.9, true",
    "1.2.*, 1.3.0, false",
    "1.2.x, v1.2.4, true",
    "1.2, 1.2.7, true",
    "'>=1.0.0 <2.0.0', 1.9.9, true",
    "'>=1.0.0 <2.0.0', 2.0.0, false",
    "'>=1.0.0, <2.0.0', 0.9.0, false",
    "'>= 1.0.0 < 2.0.0', 1.0.0, true",
    "~1.2, 1.2.5, true",
    "~1.2, 1.3.0, false",
    "~1.2.3, 1.2.2, false",
    "~1, 1.9.0, true",
    "^1.2, 1.9.0, true",
    "^1.2, 2.0.0, false",
    "^0.2.3, 0.2.9, true",
    "^0.2.3, 0.3.0, false",
    "^0.0.3, 0.0.4, false",
    "'1.2 - 1.4.5', 1.4.5, true",
    "'1.2 - 1.4.5', 1.4.6, false",
    "'^1.0 || ^3.0', 3.1.0, true",
    "'^1.0 || ^3.0', 2.1.0, false",
    ">1.2, 1.2.9, false",
    ">1.2, 1.3.0, true",
    "'*', 7.0.0, true",
    "^1.0, 1.5.0-rc.1, false",
    "^1.5.0-rc.0, 1.5.0-rc.1, true",
    "!=1.2.3, 1.2.3, false",
  })
  void matches(String constraint, String version, boolean expected) {
    assertThat(SemverConstraint.parse(constraint)).isPresent();
    assertThat(
            SemverConstraint.parse(constraint).get().matches(Semver.parse(version).orElseThrow()))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"main", "HEAD", "feature/x", "abcdef0", "release-1.2"})
  void branchNamesAndShasAreNotConstraints(String revision) {
    assertThat(SemverConstraint.parse(revision)).isEmpty();
  }
}
