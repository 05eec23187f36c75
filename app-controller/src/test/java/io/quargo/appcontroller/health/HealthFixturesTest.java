package io.quargo.appcontroller.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code src/test/resources/health/<kind>/<case>.yaml}: each fixture is a live object whose
 * annotations {@code quargo.test/expected-health} and {@code quargo.test/expected-message} (or
 * {@code quargo.test/expected-message-starts-with}) say what the assessor must answer.
 */
class HealthFixturesTest {

  private static final String EXPECTED_HEALTH = "quargo.test/expected-health";
  private static final String EXPECTED_MESSAGE = "quargo.test/expected-message";
  private static final String EXPECTED_PREFIX = "quargo.test/expected-message-starts-with";

  private final HealthAssessor assessor = HealthAssessor.standard();

  static Stream<Path> fixtures() throws IOException, URISyntaxException {
    Path root = Path.of(HealthFixturesTest.class.getResource("/health").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void assessesFixture(Path fixture) throws IOException {
    List<ObjectNode> documents =
        ManifestCodec.readAll(Files.readString(fixture), fixture.toString());
    assertThat(documents).as("one object in %s", fixture).hasSize(1);
    ObjectNode live = documents.get(0);
    JsonNode annotations = live.path("metadata").path("annotations");
    assertThat(annotations.has(EXPECTED_HEALTH))
        .as("%s names its expected health", fixture)
        .isTrue();

    HealthStatus health = assessor.assess(live);

    HealthStatusCode expected =
        Json.mapper()
            .convertValue(annotations.get(EXPECTED_HEALTH).asText(), HealthStatusCode.class);
    assertThat(health.status()).as("status of %s", fixture).isEqualTo(expected);
    if (annotations.has(EXPECTED_PREFIX)) {
      assertThat(health.message()).startsWith(annotations.get(EXPECTED_PREFIX).asText());
    } else {
      assertThat(health.message())
          .as("message of %s", fixture)
          .isEqualTo(annotations.path(EXPECTED_MESSAGE).asText(""));
    }
  }

  @Test
  void fixturesCoverEveryBuiltInKind() throws Exception {
    List<String> folders;
    try (Stream<Path> list = Files.list(Path.of(getClass().getResource("/health").toURI()))) {
      folders = list.map(p -> p.getFileName().toString()).toList();
    }
    for (GroupKind groupKind : HealthChecks.builtIn().keySet()) {
      if (!groupKind.group().equals("extensions")) {
        assertThat(folders).contains(groupKind.kind().toLowerCase());
      }
    }
  }

  @Test
  void anAbsentObjectIsMissing() {
    assertThat(assessor.assess(null)).isEqualTo(HealthStatus.missing(""));
  }
}
