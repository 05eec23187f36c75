package io.quargo.common.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes label selectors as the list route's {@code selector} takes them. */
class LabelSelectorTest {

  private static final Map<String, String> LABELS = Map.of("team", "blue", "env", "prod");

  @Test
  void equalityAndInequality() {
    assertThat(LabelSelector.parse("team=blue").matches(LABELS)).isTrue();
    assertThat(LabelSelector.parse("team==blue,env=prod").matches(LABELS)).isTrue();
    assertThat(LabelSelector.parse("team!=blue").matches(LABELS)).isFalse();
    assertThat(LabelSelector.parse("team=red").matches(LABELS)).isFalse();
  }

  @Test
  void setsAndExistence() {
    assertThat(LabelSelector.parse("env in (dev, prod)").matches(LABELS)).isTrue();
    assertThat(LabelSelector.parse("env notin (prod)").matches(LABELS)).isFalse();
    assertThat(LabelSelector.parse("team,!legacy").matches(LABELS)).isTrue();
    assertThat(LabelSelector.parse("legacy").matches(LABELS)).isFalse();
    assertThat(LabelSelector.parse("").matches(null)).isTrue();
  }

  @Test
  void aSetWithoutParenthesesIsRefusedByName() {
    assertThatThrownBy(() -> LabelSelector.parse("env in prod"))
        .hasMessageContaining("values of \"env\" need (a,b)");
  }

  @Test
  void matchesAJsonLabelMapAndAMissingOne() throws Exception {
    var labels = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"team\":\"blue\"}");
    assertThat(LabelSelector.parse("team=blue").matchesJson(labels)).isTrue();
    assertThat(LabelSelector.parse("team=red").matchesJson(labels)).isFalse();
    var missing = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    assertThat(LabelSelector.parse("!team").matchesJson(missing)).isTrue();
    assertThat(LabelSelector.parse("team").matchesJson(missing)).isFalse();
  }
}
