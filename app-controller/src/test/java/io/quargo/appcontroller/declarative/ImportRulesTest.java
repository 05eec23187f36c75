package io.quargo.appcontroller.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import rules without a cluster: ownership mark, finalizers, the status merge patch. */
class ImportRulesTest {

  @Test
  void anImportedAppIsMarkedAndKeepsTheResourcesMetadataAndSpec() {
    Application resource =
        Json.mapper()
            .convertValue(
                Map.of(
                    "metadata",
                    Map.of(
                        "name", "web",
                        "namespace", "argocd",
                        "uid", "u-1",
                        "resourceVersion", "7",
                        "labels", Map.of("team", "a"),
                        "annotations", Map.of("note", "x"),
                        "finalizers", List.of(Ownership.RESOURCES_FINALIZER)),
                    "spec",
                    Map.of("project", "default", "dependsOn", List.of("db")),
                    "status",
                    Map.of("sync", Map.of("status", "Synced"))),
                Application.class);

    Application stored = ApplicationImporter.fromResource(resource);

    assertThat(Ownership.fromResource(stored.getMetadata())).isTrue();
    assertThat(stored.getMetadata().getAnnotations()).containsEntry("note", "x");
    assertThat(stored.getMetadata().getLabels()).containsEntry("team", "a");
    assertThat(stored.getMetadata().getFinalizers()).containsExactly(Ownership.RESOURCES_FINALIZER);
    assertThat(stored.getMetadata().getUid()).isNull();
    assertThat(stored.getMetadata().getResourceVersion()).isNull();
    assertThat(stored.getStatus()).isNull();
    assertThat(stored.getSpec().unknownFields()).containsEntry("dependsOn", List.of("db"));
    assertThat(Ownership.fromResource(resource.getMetadata())).isFalse();
  }

  @Test
  void onlyArgosResourcesFinalizerCascades() {
    assertThat(Ownership.cascades(null)).isFalse();
    assertThat(Ownership.cascades(List.of("other"))).isFalse();
    assertThat(Ownership.cascades(List.of(Ownership.RESOURCES_FINALIZER))).isTrue();
    List<String> background = List.of(Ownership.RESOURCES_FINALIZER + "/background");
    assertThat(Ownership.cascades(background)).isTrue();
    assertThat(Ownership.propagation(background)).isEqualTo("background");
    assertThat(Ownership.propagation(List.of(Ownership.RESOURCES_FINALIZER))).isNull();
  }

  @Test
  void theStatusPatchSetsWhatChangedAndNullsWhatIsGone() {
    JsonNode from =
        Json.mapper()
            .valueToTree(
                Map.of(
                    "sync", Map.of("status", "OutOfSync", "revision", "a"),
                    "conditions", List.of(Map.of("type", "X")),
                    "reconciledAt", "t1"));
    JsonNode to =
        Json.mapper()
            .valueToTree(
                Map.of("sync", Map.of("status", "Synced", "revision", "a"), "reconciledAt", "t2"));

    JsonNode patch = StatusWriter.mergePatch(from, to);

    assertThat(patch.at("/sync/status").asText()).isEqualTo("Synced");
    assertThat(patch.at("/sync").has("revision")).isFalse();
    assertThat(patch.get("conditions").isNull()).isTrue();
    assertThat(patch.get("reconciledAt").asText()).isEqualTo("t2");
  }
}
