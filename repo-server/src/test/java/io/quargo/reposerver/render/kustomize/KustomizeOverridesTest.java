package io.quargo.reposerver.render.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's {@code spec.source.kustomize} overrides act as edits of the top kustomization: the
 * "overrides" case with its overrides renders exactly like "overrides-edited", where the same edits
 * are written in the file (that one is compared with kubectl by the differential test).
 */
class KustomizeOverridesTest {

  @Test
  void overridesRenderLikeTheEditedKustomization() {
    DiffCases.Case withOverrides = DiffCases.load("overrides");
    DiffCases.Case edited = DiffCases.load("overrides-edited");

    var ours =
        new KustomizeEngine()
            .build(withOverrides.root(), withOverrides.dir(), withOverrides.overrides());
    var expected =
        new KustomizeEngine().build(edited.root(), edited.dir(), KustomizeOverrides.NONE);

    assertThat(DiffCases.normalise(ours)).isEqualTo(DiffCases.normalise(expected));
    assertThat(ours)
        .anySatisfy(o -> assertThat(o.at("/metadata/name").asText()).isEqualTo("argo-web-x"));
  }

  @Test
  void withoutOverridesTheFileIsUsedAsWritten() {
    DiffCases.Case c = DiffCases.load("overrides");

    var objects = new KustomizeEngine().build(c.root(), c.dir(), KustomizeOverrides.NONE);

    assertThat(objects)
        .anySatisfy(o -> assertThat(o.at("/metadata/name").asText()).isEqualTo("old-web"));
  }

  @Test
  void existingCommonLabelNeedsForce() {
    DiffCases.Case c = DiffCases.load("common-labels");
    KustomizeOverrides overrides =
        new KustomizeOverrides(
            List.of(),
            null,
            null,
            Map.of("team", "other"),
            false,
            false,
            false,
            Map.of(),
            false,
            null,
            List.of(),
            List.of(),
            List.of());

    assertThatThrownBy(() -> new KustomizeEngine().build(c.root(), c.dir(), overrides))
        .hasMessageContaining("\"team\" is already in the kustomization");

    KustomizeOverrides forced =
        new KustomizeOverrides(
            List.of(),
            null,
            null,
            Map.of("team", "other"),
            true,
            false,
            false,
            Map.of(),
            false,
            null,
            List.of(),
            List.of(),
            List.of());
    assertThat(new KustomizeEngine().build(c.root(), c.dir(), forced))
        .allSatisfy(o -> assertThat(o.at("/metadata/labels/team").asText()).isEqualTo("other"));
  }

  @Test
  void imageOverrideForms() {
    DiffCases.Case c = DiffCases.load("plain-resources");
    KustomizeOverrides overrides =
        new KustomizeOverrides(
            List.of("nginx@sha256:abc", "busybox=registry.local/busybox:1.2"),
            null,
            null,
            Map.of(),
            false,
            false,
            false,
            Map.of(),
            false,
            null,
            List.of(),
            List.of(),
            List.of());

    var deployment =
        new KustomizeEngine()
            .build(c.root(), c.dir(), overrides).stream()
                .filter(o -> o.path("kind").asText().equals("Deployment"))
                .findFirst()
                .orElseThrow();

    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("nginx@sha256:abc");
    assertThat(deployment.at("/spec/template/spec/containers/1/image").asText())
        .isEqualTo("registry.local/busybox:1.2");
  }

  @Test
  void argoSpecIsReadIntoOverridesAndComponentsAreAdded() throws Exception {
    var spec =
        io.quargo.common.json.Json.mapper()
            .readTree(
                "{\"namePrefix\":\"c-\",\"components\":[\"../comp\"],"
                    + "\"replicas\":[{\"name\":\"web\",\"count\":\"4\"}]}");
    KustomizeOverrides overrides = ArgoKustomizeSource.overrides(spec);
    DiffCases.Case c = DiffCases.load("components-generators");
    DiffCases.Case base = DiffCases.load("components-generators");

    var objects = new KustomizeEngine().build(base.root(), base.root().resolve("base"), overrides);
    var expected = new KustomizeEngine().build(c.root(), c.dir(), KustomizeOverrides.NONE);

    assertThat(overrides.replicas()).containsExactly(new KustomizeOverrides.Replica("web", 4));
    var withoutReplicas =
        DiffCases.normalise(objects).stream()
            .map(o -> o.toString().replace("\"replicas\":4", "\"replicas\":1"))
            .toList();
    assertThat(withoutReplicas)
        .isEqualTo(DiffCases.normalise(expected).stream().map(Object::toString).toList());
  }

  @Test
  void unimplementedArgoOptionIsRefused() throws Exception {
    var spec = io.quargo.common.json.Json.mapper().readTree("{\"commonAnnotationsEnvsubst\":true}");

    assertThatThrownBy(() -> ArgoKustomizeSource.overrides(spec))
        .isInstanceOf(UnsupportedKustomizationException.class)
        .hasMessageContaining("spec.source.kustomize")
        .hasMessageContaining("commonAnnotationsEnvsubst");
  }
}
