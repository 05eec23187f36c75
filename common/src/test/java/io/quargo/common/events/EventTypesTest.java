package io.quargo.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

  private static final String RULE = "io\\.quargo\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*";

  @Test
  void typesFollowTheConventionAndAreUnique() {
    List<String> types = EventTypes.ALL.stream().map(EventTypes::typeOf).toList();

    assertThat(types).allSatisfy(type -> assertThat(type).matches(RULE));
    assertThat(types).doesNotHaveDuplicates().hasSize(EventTypes.ALL.size());
  }

  @Test
  void everyInstanceReportsItsClassType() {
    for (EventSamples.Sample sample : EventSamples.all()) {
      QuargoEvent event = sample.event();
      assertThat(event.ceType()).isEqualTo(EventTypes.typeOf(event.getClass()));
      assertThat(EventTypes.classOf(event.ceType())).contains(event.getClass());
    }
  }

  @Test
  void keysAreNamespaceSlashNameOrTheRepoUrl() {
    for (EventSamples.Sample sample : EventSamples.all()) {
      QuargoEvent event = sample.event();
      if (event instanceof RepoRevisionChanged repo) {
        assertThat(event.key()).isEqualTo(repo.repoUrl());
      } else {
        assertThat(event.key()).matches("[a-z0-9.-]+/[a-z0-9.-]+");
      }
    }
  }

  @Test
  void unknownTypeIsEmpty() {
    assertThat(EventTypes.classOf("io.quargo.app.unheard-of.v1")).isEmpty();
    assertThat(EventTypes.classOf(null)).isEmpty();
  }

  @Test
  void topicHelpers() {
    assertThat(Topics.eventBusTopic("default")).isEqualTo("quargo.events.default");
    assertThat(Topics.dlq(Topics.APP_COMMANDS)).isEqualTo("quargo.app.commands.dlq");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Topics.eventBusTopic("Bad Name"))
        .hasMessageContaining("\"Bad Name\"");
  }
}
