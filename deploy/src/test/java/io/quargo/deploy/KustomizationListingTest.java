package io.quargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every manifest in a kustomize directory is listed, and every listed entry exists. */
class KustomizationListingTest {

  private static final ProjectLayout LAYOUT = ProjectLayout.current();

  @Test
  void everyFileInTheKustomizeDirectoriesIsListedAndExists() {
    List<String> problems = new ArrayList<>();
    for (Path root : KustomizeTree.roots(LAYOUT.deploy().resolve("kubernetes"))) {
      problems.addAll(KustomizeTree.unlisted(root));
      problems.addAll(KustomizeTree.missing(root));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void unlistedAndMissingFilesAreReported() {
    Path fixture = LAYOUT.deploy().resolve("src/test/resources/fixtures/kustomize-unlisted");
    assertThat(KustomizeTree.roots(fixture)).containsExactly(fixture, fixture.resolve("sub"));
    assertThat(KustomizeTree.unlisted(fixture))
        .singleElement()
        .asString()
        .contains("forgotten.yaml is not listed");
    assertThat(KustomizeTree.missing(fixture))
        .singleElement()
        .asString()
        .contains("gone.yaml, which does not exist");
    assertThat(KustomizeTree.unlisted(fixture.resolve("sub"))).isEmpty();
    assertThat(KustomizeTree.resources(fixture))
        .extracting(Manifest::name)
        .containsExactly("listed", "inner");
  }
}
