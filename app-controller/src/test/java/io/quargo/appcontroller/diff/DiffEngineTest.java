package io.quargo.appcontroller.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.model.SyncStatusCode;
import io.quargo.common.model.application.ResourceIgnoreDifferences;
import io.quargo.common.yaml.ManifestCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffEngineTest {

  private static final String LIVE =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: demo
        uid: abc
        resourceVersion: "9"
        managedFields: [{manager: kubectl, fieldsType: FieldsV1, fieldsV1: {"f:data": {}}}]
        annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}", keep: "yes"}
      data: {color: blue}
      """;

  private static ObjectNode object(String yaml) {
    return ManifestCodec.readAll(yaml).get(0);
  }

  @Test
  void normalisedLiveKeepsUserFieldsAndDropsServerOnes() {
    ResourceDiff diff = new DiffEngine(DiffOptions.defaults()).diff(null, object(LIVE));

    ObjectNode metadata = (ObjectNode) diff.normalizedLive().get("metadata");
    assertThat(metadata.has("uid")).isFalse();
    assertThat(metadata.has("resourceVersion")).isFalse();
    assertThat(metadata.has("managedFields")).isFalse();
    assertThat(metadata.path("annotations").has(Normalizer.LAST_APPLIED)).isFalse();
    assertThat(metadata.path("annotations").path("keep").asText()).isEqualTo("yes");
    assertThat(diff.requiresPruning()).isTrue();
    assertThat(diff.status()).isEqualTo(SyncStatusCode.OUT_OF_SYNC);
  }

  @Test
  void theInputsAreNotChanged() {
    ObjectNode live = object(LIVE);
    ObjectNode before = live.deepCopy();

    new DiffEngine(DiffOptions.defaults()).diff(object(LIVE), live);

    assertThat(live).isEqualTo(before);
  }

  @Test
  void aMalformedJqExpressionIsRefusedNamingIt() {
    ResourceIgnoreDifferences rule = new ResourceIgnoreDifferences();
    rule.setKind("ConfigMap");
    rule.setJqPathExpressions(List.of(".data[[["));

    assertThatThrownBy(
            () -> new DiffEngine(DiffOptions.defaults().withIgnoreDifferences(List.of(rule))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jqPathExpressions \".data[[[\"");
  }

  @Test
  void aMalformedJsonPointerIsRefusedNamingIt() {
    ResourceIgnoreDifferences rule = new ResourceIgnoreDifferences();
    rule.setKind("ConfigMap");
    rule.setJsonPointers(List.of("data/color"));

    assertThatThrownBy(
            () -> new DiffEngine(DiffOptions.defaults().withIgnoreDifferences(List.of(rule))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jsonPointers \"data/color\"");
  }

  @Test
  void aJqExpressionThatFailsOnAnObjectLeavesItAsItIs() {
    ResourceIgnoreDifferences rule = new ResourceIgnoreDifferences();
    rule.setKind("ConfigMap");
    rule.setJqPathExpressions(List.of(".data.color[0]"));

    ResourceDiff diff =
        new DiffEngine(DiffOptions.defaults().withIgnoreDifferences(List.of(rule)))
            .diff(object(LIVE.replace("blue", "red")), object(LIVE));

    assertThat(diff.differences()).containsExactly("/data/color");
  }

  @Test
  void bothSidesAbsentIsRefused() {
    assertThatThrownBy(() -> new DiffEngine(DiffOptions.defaults()).diff(null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both are null");
  }

  @Test
  void noResourcesIsSynced() {
    assertThat(DiffEngine.syncStatus(List.of())).isEqualTo(SyncStatusCode.SYNCED);
  }
}
