package io.quargo.appcontroller.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.SyncStatusCode;
import io.quargo.common.model.application.ResourceIgnoreDifferences;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code src/test/resources/diff/<case>/}: {@code desired.yaml} and {@code live.yaml} (any
 * number of documents) are diffed with the {@code options} of {@code expected.yaml}, which also
 * lists the app's sync status and each resource's status, pointers and pruning/missing flags.
 */
class DiffFixturesTest {

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(DiffFixturesTest.class.getResource("/diff").toURI());
    List<Path> dirs;
    try (Stream<Path> list = Files.list(root)) {
      dirs = list.filter(Files::isDirectory).sorted().toList();
    }
    return dirs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void diffsFixture(Path dir) throws IOException {
    List<ObjectNode> desired = read(dir.resolve("desired.yaml"));
    List<ObjectNode> live = read(dir.resolve("live.yaml"));
    JsonNode expected = read(dir.resolve("expected.yaml")).get(0);

    List<ResourceDiff> diffs =
        new DiffEngine(options(expected.path("options"))).diffAll(desired, live);

    assertThat(DiffEngine.syncStatus(diffs))
        .as("app sync status in %s", dir.getFileName())
        .isEqualTo(Json.mapper().convertValue(expected.get("syncStatus"), SyncStatusCode.class));
    List<String> actual = diffs.stream().map(DiffFixturesTest::describe).toList();
    List<String> wanted = new ArrayList<>();
    expected.path("resources").forEach(r -> wanted.add(describe(r)));
    assertThat(actual).as("resources in %s", dir.getFileName()).containsExactlyElementsOf(wanted);
  }

  private static DiffOptions options(JsonNode node) {
    ResourceIgnoreDifferences[] rules =
        Json.mapper()
            .convertValue(
                node.path("ignoreDifferences").isArray()
                    ? node.get("ignoreDifferences")
                    : Json.mapper().createArrayNode(),
                ResourceIgnoreDifferences[].class);
    return new DiffOptions(Arrays.asList(rules), node.path("defaultNamespace").asText(""));
  }

  private static String describe(ResourceDiff diff) {
    return "%s/%s %s/%s %s %s pruning=%s missing=%s"
        .formatted(
            diff.group(),
            diff.kind(),
            diff.namespace(),
            diff.name(),
            Json.toJson(diff.status()),
            diff.differences(),
            diff.requiresPruning(),
            diff.missing());
  }

  private static String describe(JsonNode expected) {
    List<String> pointers = new ArrayList<>();
    expected.path("differences").forEach(p -> pointers.add(p.asText()));
    return "%s/%s %s/%s \"%s\" %s pruning=%s missing=%s"
        .formatted(
            expected.path("group").asText(""),
            expected.path("kind").asText(),
            expected.path("namespace").asText(""),
            expected.path("name").asText(),
            expected.path("status").asText(),
            pointers,
            expected.path("requiresPruning").asBoolean(false),
            expected.path("missing").asBoolean(false));
  }

  private static List<ObjectNode> read(Path file) throws IOException {
    return ManifestCodec.readAll(Files.readString(file), file.toString());
  }
}
