package io.quargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds each kustomization with a real kubectl, when one is available (system property
 * quargo.kubectl, env QUARGO_KUBECTL as .ci/run sets it, or kubectl on PATH), and compares it with
 * what the other tests read.
 */
class KustomizeBuildTest {

  private static final ProjectLayout LAYOUT = ProjectLayout.current();
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");

  @Test
  void realKustomizeBuildsTheObjectsTheRulesCheckAllInNamespaceQuargo() throws Exception {
    Optional<Path> kubectl = kubectl();
    assumeTrue(
        kubectl.isPresent(), "no kubectl: set -Dquargo.kubectl=/path/to/kubectl to run this");
    for (Path root : KustomizeTree.roots(LAYOUT.deploy().resolve("kubernetes"))) {
      List<JsonNode> built = build(kubectl.get(), root);
      Set<String> expected = new TreeSet<>();
      KustomizeTree.resources(root).forEach(m -> expected.add(m.kind() + "/" + m.name()));
      Set<String> actual = new TreeSet<>();
      for (JsonNode object : built) {
        String kind = object.path("kind").asText();
        String namespace = object.path("metadata").path("namespace").asText();
        assertThat(namespace)
            .as(kind + " " + object.path("metadata").path("name").asText() + " from " + root)
            .isEqualTo(CLUSTER_SCOPED.contains(kind) ? "" : "quargo");
        if (!(kind.equals("Secret") || kind.equals("ConfigMap")) || !isGenerated(object)) {
          actual.add(kind + "/" + object.path("metadata").path("name").asText());
        }
      }
      assertThat(actual).as("objects built from " + root).isEqualTo(expected);
    }
  }

  /** The dev overlay's Secret comes from a generator, not from a file the rules read. */
  private static boolean isGenerated(JsonNode object) {
    return object.path("metadata").path("name").asText().equals("quargo-db");
  }

  private static List<JsonNode> build(Path kubectl, Path root) throws Exception {
    Process process =
        new ProcessBuilder(kubectl.toString(), "kustomize", root.toString())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("kubectl kustomize " + root + ":\n" + text).isZero();
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new YAMLMapper().readerFor(JsonNode.class).readValues(text)) {
      it.forEachRemaining(objects::add);
    }
    return objects;
  }

  private static Optional<Path> kubectl() {
    String configured =
        Optional.ofNullable(System.getProperty("quargo.kubectl"))
            .orElse(System.getenv("QUARGO_KUBECTL"));
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
