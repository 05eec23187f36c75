package io.quargo.reposerver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.reposerver.support.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each chart under {@code src/test/resources/helm/<case>/chart} rendered by {@link HelmRenderer}
 * (helm-java, Helm 3.21 in-process) and by the real {@code helm template} binary ({@code
 * QUARGO_HELM}, else {@code helm} on PATH), compared as parsed objects in output order. {@code
 * case.yaml} gives the options ({@link HelmCase}): release, namespace, value files, {@code --set}
 * and {@code --set-file}, kubeVersion, apiVersions, skipTests, skipSchemaValidation, subcharts to
 * pack. Hooks and test hooks are part of the comparison. Without a helm binary the cases are
 * skipped with a message.
 *
 * <p>Helm 3 and Helm 4 (the binary here is v4.1.4) render these charts identically; the known
 * difference between them, the default {@code .Capabilities.KubeVersion} (it follows each release's
 * client-go), is kept out of the charts on purpose.
 */
class HelmDifferentialTest {

  private static final Path HELM = helm();

  @TempDir static Path tmp;

  static Stream<String> cases() throws IOException {
    return HelmCase.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void helmJavaMatchesHelmTemplate(String name) throws Exception {
    assumeTrue(
        HELM != null,
        "no helm found (set QUARGO_HELM or put helm on PATH): differential Helm case "
            + name
            + " skipped");
    HelmCase c = HelmCase.read(name, tmp);
    Path root = c.root();
    ManifestSource source =
        new ManifestSource(
            "git://h/r.git",
            "main",
            "chart",
            null,
            c.helm(f -> "/" + f),
            null,
            c.release(),
            c.namespace());
    List<ObjectNode> ours =
        new HelmRenderer()
            .render(
                new RenderContext(
                    root,
                    root.resolve("chart"),
                    "chart",
                    source,
                    BuildEnvironment.of(source, "0".repeat(40))))
            .manifests();

    List<String> command = new ArrayList<>(List.of(HELM.toString(), "template", c.release()));
    command.add(root.resolve("chart").toString());
    command.addAll(c.flags());
    List<ObjectNode> theirs = ManifestCodec.readAll(run(command), "helm template " + name);
    List<JsonNode> expected = normalise(theirs);
    List<JsonNode> actual = normalise(ours);
    assertThat(actual).as("case %s rendered nothing", name).isNotEmpty();
    assertThat(ManifestCodec.write(actual))
        .as("case %s: helm-java (actual) against %s template (expected)", name, HELM)
        .isEqualTo(ManifestCodec.write(expected));
  }

  static String run(List<String> command) throws Exception {
    return run(command, Map.of());
  }

  /** Runs {@code command} with {@code env} added, asserting it succeeds; its standard output. */
  static String run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("helm finished").isTrue();
    assertThat(process.exitValue()).as("%s failed: %s", command, err).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** Objects through JSON with sorted keys, so numbers and strings compare by value and type. */
  static List<JsonNode> normalise(List<ObjectNode> objects) {
    List<JsonNode> result = new ArrayList<>();
    for (ObjectNode object : objects) {
      result.add(sorted(Json.fromBytes(Json.toBytes(object), JsonNode.class)));
    }
    return result;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = Json.mapper().createObjectNode();
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      names.forEach(n -> copy.set(n, sorted(object.get(n))));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = Json.mapper().createArrayNode();
      array.forEach(e -> copy.add(sorted(e)));
      return copy;
    }
    return node;
  }

  /** helm from QUARGO_HELM, else from PATH; null when there is none. */
  static Path helm() {
    return Executables.find("helm", "QUARGO_HELM");
  }
}
