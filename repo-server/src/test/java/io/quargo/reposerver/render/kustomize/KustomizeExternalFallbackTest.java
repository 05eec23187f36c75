package io.quargo.reposerver.render.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kustomization with a field the engine lacks goes to the configured real kustomize. */
class KustomizeExternalFallbackTest {

  private static final Path KUBECTL = DiffCases.kubectl();

  @TempDir Path repo;

  @Test
  void unsupportedFieldIsRenderedByTheExternalBinaryWithOverrides() throws IOException {
    assumeTrue(
        KUBECTL != null,
        "no kubectl found (set QUARGO_KUBECTL or put kubectl on PATH): external fallback skipped");
    Files.createDirectories(repo.resolve("app"));
    Files.writeString(
        repo.resolve("app/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: source\ndata:\n  color: blue\n---\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: target\ndata:\n  color: red\n");
    Files.writeString(
        repo.resolve("app/kustomization.yaml"),
        """
        resources: [cm.yaml]
        replacements:
        - source:
            kind: ConfigMap
            name: source
            fieldPath: data.color
          targets:
          - select:
              name: target
            fieldPaths: [data.color]
        """);
    KustomizeOverrides overrides =
        new KustomizeOverrides(
            List.of(), "argo-", null, Map.of(), false, false, false, Map.of(), false, null,
            List.of(), List.of(), List.of());

    KustomizeOutput out =
        new KustomizeEngine(ExternalKustomize.kubectl(KUBECTL))
            .render(repo, repo.resolve("app"), overrides);

    assertThat(out.external()).isTrue();
    assertThat(out.origins()).containsOnly("app/kustomization.yaml");
    assertThat(out.objects())
        .extracting(o -> o.at("/metadata/name").asText() + "=" + o.at("/data/color").asText())
        .containsExactly("argo-source=blue", "argo-target=blue");
    assertThat(Files.readString(repo.resolve("app/kustomization.yaml"))).doesNotContain("argo-");
  }
}
