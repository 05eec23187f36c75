package io.quargo.reposerver.render.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every case under {@code src/test/resources/kustomize} with the Java engine and with the
 * real {@code kubectl kustomize} and compares the parsed objects and their order. Skipped (with a
 * message) when no kubectl is found.
 */
class KustomizeDifferentialTest {

  private static final Path KUBECTL = DiffCases.kubectl();

  static Stream<DiffCases.Case> cases() throws IOException {
    return DiffCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void engineMatchesKubectlKustomize(DiffCases.Case c) {
    assumeTrue(
        KUBECTL != null,
        "no kubectl found (set QUARGO_KUBECTL or put kubectl on PATH): differential Kustomize"
            + " case "
            + c.name()
            + " skipped");
    List<ObjectNode> ours = new KustomizeEngine().build(c.root(), c.dir(), c.overrides());
    DiffCases.Case reference = c.sameAs() == null ? c : DiffCases.load(c.sameAs());
    List<ObjectNode> theirs =
        ExternalKustomize.kubectl(KUBECTL).build(reference.dir(), reference.name());

    List<JsonNode> expected = DiffCases.normalise(theirs);
    List<JsonNode> actual = DiffCases.normalise(ours);
    assertThat(ManifestCodec.write(actual))
        .as("case %s: Quargo's output (actual) against kubectl kustomize (expected)", c.name())
        .isEqualTo(ManifestCodec.write(expected));
    assertThat(actual).isEqualTo(expected);
  }
}
