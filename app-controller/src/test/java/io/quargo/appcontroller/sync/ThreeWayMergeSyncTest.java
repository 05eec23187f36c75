package io.quargo.appcontroller.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client-side three-way merge, one directory a case under {@code sync/three-way}: last-applied,
 * desired and live in, the expected JSON merge patch out.
 */
class ThreeWayMergeSyncTest {

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(ThreeWayMergeSyncTest.class.getResource("/sync/three-way").toURI());
    return Files.list(root).filter(Files::isDirectory).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void computesTheExpectedPatch(Path dir) throws IOException {
    ObjectNode patch =
        ThreeWayMerge.patch(
            object(dir, "last-applied"), object(dir, "desired"), object(dir, "live"));

    assertThat(patch).isEqualTo(object(dir, "patch"));
  }

  private static ObjectNode object(Path dir, String name) throws IOException {
    JsonNode node =
        ManifestCodec.yamlMapper().readTree(Files.readString(dir.resolve(name + ".yaml")));
    return node == null || node.isNull() ? null : (ObjectNode) node;
  }
}
