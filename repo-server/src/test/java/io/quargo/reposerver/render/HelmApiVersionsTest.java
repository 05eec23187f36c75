package io.quargo.reposerver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How templates are rewritten so that {@code helm.apiVersions} join Helm's API versions. */
class HelmApiVersionsTest {

  static final List<String> EXTRA = List.of("a.io/v1", "b.io/v2/Kind");
  static final String LIST =
      "(concat %s.Capabilities.APIVersions (list \"a.io/v1\" \"b.io/v2/Kind\"))";

  @Test
  void hasCallsKeepTheirContextAndArgument() {
    assertThat(rewrite("{{ if .Capabilities.APIVersions.Has \"x/v1\" }}"))
        .isEqualTo("{{ if (has \"x/v1\" " + LIST.formatted("") + ") }}");
    assertThat(rewrite("{{ $.Capabilities.APIVersions.Has $api | quote }}"))
        .isEqualTo("{{ (has $api " + LIST.formatted("$") + ") | quote }}");
    assertThat(rewrite("{{ $root.Capabilities.APIVersions.Has (printf \"%s)\" .x) }}"))
        .isEqualTo("{{ (has (printf \"%s)\" .x) " + LIST.formatted("$root") + ") }}");
    assertThat(rewrite("{{ .ctx.Capabilities.APIVersions.Has .Values.api }}"))
        .isEqualTo("{{ (has .Values.api " + LIST.formatted(".ctx") + ") }}");
  }

  @Test
  void otherUsesSeeTheJoinedListAndTemplatesWithoutThemStayAsTheyAre() {
    assertThat(rewrite("{{ range .Capabilities.APIVersions }}{{ . }}{{ end }}"))
        .isEqualTo("{{ range " + LIST.formatted("") + " }}{{ . }}{{ end }}");
    String plain = "{{ .Capabilities.KubeVersion.Version }}";
    assertThat(rewrite(plain)).isSameAs(plain);
  }

  @Test
  void aHasWithoutArgumentIsUnsupported() {
    assertThatThrownBy(() -> rewrite("{{ \"x/v1\" | .Capabilities.APIVersions.Has }}"))
        .isInstanceOf(UnsupportedSourceException.class)
        .hasMessageContaining("templates/x.yaml");
  }

  private static String rewrite(String template) {
    return HelmApiVersions.rewrite(template, EXTRA, "templates/x.yaml");
  }
}
