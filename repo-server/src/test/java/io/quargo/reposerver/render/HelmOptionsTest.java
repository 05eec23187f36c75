package io.quargo.reposerver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import io.quargo.reposerver.git.PathEscapeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD's Helm options beyond values: fileParameters, apiVersions, skipTests,
 * skipSchemaValidation, and packed subcharts, with real Helm (helm-java).
 */
class HelmOptionsTest {

  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void chart() throws IOException {
    root = Files.createDirectories(tmp.resolve("repo"));
    write("app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
    write("app/values.yaml", "replicas: 1\nscript: none\n");
    write(
        "app/values.schema.json",
        "{\"type\": \"object\", \"properties\": {\"replicas\": {\"type\": \"integer\","
            + " \"minimum\": 1}}}");
    write(
        "app/templates/cm.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app
        data:
          replicas: {{ .Values.replicas | quote }}
          script: {{ .Values.script | quote }}
          monitoring: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" | quote }}
          apps: {{ $.Capabilities.APIVersions.Has "apps/v1" | quote }}
        """);
    write(
        "app/templates/test.yaml",
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: app-test
          annotations:
            helm.sh/hook: test
        """);
    write("scripts/run.sh", "echo hello\n");
  }

  @Test
  void fileParametersReadFilesInTheRepository() {
    ObjectNode cm =
        configMap(
            render(
                options(
                    List.of(new ManifestSource.FileParameter("script", "/scripts/run.sh")),
                    null,
                    null,
                    null)));
    assertThat(cm.at("/data/script").asText()).isEqualTo("echo hello\n");
    cm =
        configMap(
            render(
                options(
                    List.of(
                        new ManifestSource.FileParameter(
                            "script", "../scripts/$ARGOCD_APP_NAME.sh")),
                    null,
                    null,
                    null)));
    assertThat(cm.at("/data/script").asText()).isEqualTo("echo hello\n");
  }

  @Test
  void fileParametersOutsideTheRepositoryOrMissingAreRefused() {
    assertThatThrownBy(
            () ->
                render(
                    options(
                        List.of(new ManifestSource.FileParameter("script", "../../etc/passwd")),
                        null,
                        null,
                        null)))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("helm.fileParameters[0].path \"../../etc/passwd\" leaves");
    assertThatThrownBy(
            () ->
                render(
                    options(
                        List.of(new ManifestSource.FileParameter("script", "nope.txt")),
                        null,
                        null,
                        null)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("helm.fileParameters[0].path does not exist");
    assertThatThrownBy(
            () ->
                render(
                    options(
                        List.of(new ManifestSource.FileParameter(" ", "/scripts/run.sh")),
                        null,
                        null,
                        null)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("helm.fileParameters[0]: needs a name");
  }

  @Test
  void apiVersionsJoinHelmsOwnList() {
    ObjectNode plain = configMap(render(options(null, null, null, null)));
    assertThat(plain.at("/data/monitoring").asText()).isEqualTo("false");
    ObjectNode cm =
        configMap(render(options(null, List.of("monitoring.coreos.com/v1"), null, null)));
    assertThat(cm.at("/data/monitoring").asText()).isEqualTo("true");
    assertThat(cm.at("/data/apps").asText()).isEqualTo("true");
    assertThatThrownBy(() -> render(options(null, List.of("bad version\""), null, null)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("helm.apiVersions[0]");
  }

  @Test
  void skipTestsLeavesTestHooksOut() {
    assertThat(names(render(options(null, null, null, null)))).contains("app-test");
    assertThat(names(render(options(null, null, true, null)))).containsExactly("app");
  }

  @Test
  void skipSchemaValidationRendersValuesTheSchemaRefuses() {
    ManifestSource.Parameter zero = new ManifestSource.Parameter("replicas", "0", null);
    assertThatThrownBy(() -> render(withParameter(zero, null)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("replicas");
    assertThat(configMap(render(withParameter(zero, true))).at("/data/replicas").asText())
        .isEqualTo("0");
    assertThat(root.resolve("app/values.schema.json")).exists();
  }

  @Test
  void packedSubchartsShowTheirCrdsAndHooks() throws IOException {
    write("app/charts/child/Chart.yaml", "apiVersion: v2\nname: child\nversion: 0.2.0\n");
    write(
        "app/charts/child/crds/things.yaml",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: things.example.com
        """);
    write(
        "app/charts/child/templates/hook.yaml",
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: child-hook
          annotations:
            helm.sh/hook: post-install
        """);
    Path child = root.resolve("app/charts/child");
    new Helm(child).packageIt().withDestination(child.getParent()).call();
    try (Stream<Path> paths = Files.walk(child)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(root.resolve("app/charts/child-0.2.0.tgz")).exists();
    RenderedManifests out = render(options(null, null, null, null));
    assertThat(names(out)).containsExactly("things.example.com", "app", "app-test", "child-hook");
    assertThat(out.origins().get(0)).isEqualTo("app/charts/child/crds/things.yaml");
  }

  private static ManifestSource.Helm options(
      List<ManifestSource.FileParameter> fileParameters,
      List<String> apiVersions,
      Boolean skipTests,
      Boolean skipSchemaValidation) {
    return new ManifestSource.Helm(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        fileParameters,
        apiVersions,
        skipTests,
        skipSchemaValidation);
  }

  private static ManifestSource.Helm withParameter(
      ManifestSource.Parameter parameter, Boolean skipSchemaValidation) {
    return new ManifestSource.Helm(
        null,
        null,
        null,
        List.of(parameter),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        skipSchemaValidation);
  }

  private RenderedManifests render(ManifestSource.Helm helm) {
    ManifestSource source =
        new ManifestSource("git://h/r.git", "main", "app", null, helm, null, "run", "ns");
    return new HelmRenderer()
        .render(
            new RenderContext(
                root,
                root.resolve("app"),
                "app",
                source,
                BuildEnvironment.of(source, "a".repeat(40))));
  }

  private static ObjectNode configMap(RenderedManifests out) {
    return out.manifests().stream()
        .filter(o -> o.path("kind").asText().equals("ConfigMap"))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> names(RenderedManifests out) {
    return out.manifests().stream().map(o -> o.at("/metadata/name").asText()).toList();
  }

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
