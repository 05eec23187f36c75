package io.quargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    Optional<ExternalTool> kubectl = ExternalTool.find("kubectl", "QUARGO_KUBECTL");
    assumeTrue(kubectl.isPresent(), "no kubectl: set QUARGO_KUBECTL=/path/to/kubectl to run this");
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

  private static List<JsonNode> build(ExternalTool kubectl, Path root) throws Exception {
    ExternalTool.Result result = kubectl.run("kustomize", root.toString());
    String text = result.output();
    assertThat(result.exitCode()).as("kubectl kustomize " + root + ":\n" + text).isZero();
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new YAMLMapper().readerFor(JsonNode.class).readValues(text)) {
      it.forEachRemaining(objects::add);
    }
    return objects;
  }
}
