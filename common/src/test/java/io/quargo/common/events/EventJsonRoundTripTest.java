package io.quargo.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonRoundTripTest {

  static List<EventSamples.Sample> samples() {
    return EventSamples.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyEventSurvivesJson(EventSamples.Sample sample) throws Exception {
    QuargoEvent event = sample.event();
    String json = Json.toJson(event);

    Object back = Json.mapper().readValue(json, event.getClass());

    assertThat(back).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void jsonFieldNamesAreTheContract(EventSamples.Sample sample) {
    JsonNode tree = Json.toTree(sample.event());

    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrderElementsOf(sample.fields());
  }

  @Test
  void appCommandsReadBackThroughTheirInterface() throws Exception {
    for (EventSamples.Sample sample : samples()) {
      if (sample.event() instanceof AppCommand command) {
        AppCommand back = Json.mapper().readValue(Json.toJson(command), AppCommand.class);
        assertThat(back).isEqualTo(command);
      }
    }
  }

  @Test
  void argoVocabularyIsWrittenAsArgoSpellsIt() {
    JsonNode status = Json.toTree(sampleOf(AppStatusChanged.class));

    assertThat(status.get("syncStatus").asText()).isEqualTo("OutOfSync");
    assertThat(status.get("healthStatus").asText()).isEqualTo("Progressing");
    assertThat(status.get("operationPhase").asText()).isEqualTo("Running");
    assertThat(status.get("at").asText()).isEqualTo("2026-11-26T22:00:00.123Z");
    assertThat(Json.toTree(sampleOf(AppCommand.Sync.class)).get("command").asText())
        .isEqualTo("sync");
  }

  @Test
  void readersIgnoreFieldsAddedByANewerProducer() throws Exception {
    String json =
        "{\"repoUrl\":\"https://x/r.git\",\"ref\":\"refs/heads/main\",\"newSha\":\"abc\","
            + "\"addedLater\":{\"x\":1}}";

    RepoRevisionChanged read = Json.fromJson(json, RepoRevisionChanged.class);

    assertThat(read.newSha()).isEqualTo("abc");
    assertThat(read.oldSha()).isNull();
  }

  @Test
  void everySampleIsInTheRegistryAndEveryRegisteredTypeHasASample() {
    Set<Class<?>> sampled =
        samples().stream().map(s -> s.event().getClass()).collect(Collectors.toSet());
    assertThat(sampled).containsExactlyInAnyOrderElementsOf(new HashSet<>(EventTypes.ALL));
  }

  private static QuargoEvent sampleOf(Class<?> type) {
    return samples().stream()
        .map(EventSamples.Sample::event)
        .filter(type::isInstance)
        .findFirst()
        .orElseThrow();
  }
}
