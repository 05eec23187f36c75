package io.quargo.reposerver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quargo.reposerver.git.PathEscapeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helm rendering of a chart inside a repository tree, with real Helm (helm-java). */
class HelmRendererTest {

  static final String SHA = "f913b6cbf58aa5ae5ca1f8a2b149477aebcbd9d8";

  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void chart() throws IOException {
    root = Files.createDirectories(tmp.resolve("repo"));
    write("charts/demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
    write(
        "charts/demo/values.yaml",
        "replicas: 1\nimage:\n  tag: \"1.0\"\nport: 80\nenv: default\ntext: plain\n");
    write(
        "charts/demo/templates/deploy.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-web
          namespace: {{ .Release.Namespace }}
          labels:
            env: {{ .Values.env | quote }}
        spec:
          replicas: {{ .Values.replicas }}
          template:
            spec:
              containers:
                - name: web
                  image: "nginx:{{ .Values.image.tag }}"
        """);
    write(
        "charts/demo/templates/cm.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          portKind: {{ kindOf .Values.port | quote }}
          port: {{ .Values.port | quote }}
          text: {{ .Values.text | quote }}
        """);
    write(
        "charts/demo/crds/widgets.yaml",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
        """);
    write("charts/demo/values-prod.yaml", "replicas: 3\nenv: prod\n");
    write("charts/demo/values-guestbook.yaml", "env: from-app-name\n");
    write("shared/common.yaml", "replicas: 5\n");
  }

  @Test
  void rendersWithTheAppNameAsReleaseAndTheDestinationNamespace() {
    RenderedManifests out = render(helm(null, null, null, null, null, null));
    assertThat(out.sourceType()).isEqualTo(SourceType.Helm);
    ObjectNode deploy = kind(out, "Deployment");
    assertThat(deploy.at("/metadata/name").asText()).isEqualTo("guestbook-web");
    assertThat(deploy.at("/metadata/namespace").asText()).isEqualTo("prod-ns");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(out.origins())
        .contains("charts/demo/templates/deploy.yaml", "charts/demo/templates/cm.yaml");
  }

  @Test
  void includesCrdsUnlessSkipped() {
    assertThat(kinds(render(helm(null, null, null, null, null, null))))
        .contains("CustomResourceDefinition");
    var skip = new ManifestSource.Helm(null, null, null, null, null, null, true, null);
    assertThat(kinds(render(skip)))
        .doesNotContain("CustomResourceDefinition")
        .contains("Deployment");
  }

  @Test
  void valueFilesApplyInOrderAndALeadingSlashMeansTheRepositoryRoot() {
    ObjectNode deploy =
        kind(render(helm(List.of("values-prod.yaml"), null, null, null, null, null)), "Deployment");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deploy.at("/metadata/labels/env").asText()).isEqualTo("prod");
    deploy =
        kind(
            render(
                helm(
                    List.of("values-prod.yaml", "/shared/common.yaml"),
                    null,
                    null,
                    null,
                    null,
                    null)),
            "Deployment");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(5);
    deploy =
        kind(
            render(helm(List.of("../../shared/common.yaml"), null, null, null, null, null)),
            "Deployment");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(5);
  }

  @Test
  void valuesAndValuesObjectOverrideValueFilesAndValuesObjectWins() throws IOException {
    JsonNode object = new YAMLMapper().readTree("replicas: 7\n");
    ObjectNode deploy =
        kind(
            render(helm(List.of("values-prod.yaml"), "replicas: 6\n", null, null, null, null)),
            "Deployment");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(6);
    deploy =
        kind(
            render(helm(List.of("values-prod.yaml"), "replicas: 6\n", object, null, null, null)),
            "Deployment");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(7);
  }

  @Test
  void parametersOverrideEverythingAndForceStringKeepsStrings() throws IOException {
    JsonNode object = new YAMLMapper().readTree("replicas: 7\n");
    var params =
        List.of(
            new ManifestSource.Parameter("replicas", "9", null),
            new ManifestSource.Parameter("port", "8080", true),
            new ManifestSource.Parameter("text", "a,b", null));
    RenderedManifests out =
        render(helm(List.of("values-prod.yaml"), null, object, params, null, null));
    assertThat(kind(out, "Deployment").at("/spec/replicas").asInt()).isEqualTo(9);
    ObjectNode cm = kind(out, "ConfigMap");
    assertThat(cm.at("/data/portKind").asText()).isEqualTo("string");
    assertThat(cm.at("/data/port").asText()).isEqualTo("8080");
    assertThat(cm.at("/data/text").asText()).as("commas stay in the value").isEqualTo("a,b");

    var unforced = List.of(new ManifestSource.Parameter("port", "8080", false));
    assertThat(
            kind(render(helm(null, null, null, unforced, null, null)), "ConfigMap")
                .at("/data/portKind")
                .asText())
        .isEqualTo("int64");
  }

  @Test
  void kubeVersionReachesTheTemplates() throws IOException {
    write(
        "charts/demo/templates/kube.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube\ndata:\n"
            + "  version: {{ .Capabilities.KubeVersion.Version | quote }}\n");
    var helm = new ManifestSource.Helm(null, null, null, null, null, null, null, null, "v1.29.3");
    RenderedManifests out = render(helm);
    ObjectNode kube =
        out.manifests().stream()
            .filter(o -> o.at("/metadata/name").asText().equals("kube"))
            .findFirst()
            .orElseThrow();
    assertThat(kube.at("/data/version").asText()).isEqualTo("v1.29.3");
  }

  @Test
  void aBracedParameterIsAListAsWithHelmSet() {
    var params = List.of(new ManifestSource.Parameter("text", "{x,y}", null));
    ObjectNode cm = kind(render(helm(null, null, null, params, null, null)), "ConfigMap");
    assertThat(cm.at("/data/text").asText()).isEqualTo("[x y]");
  }

  @Test
  void buildEnvironmentIsSubstitutedIntoParametersAndValueFilePaths() {
    var params =
        List.of(new ManifestSource.Parameter("image.tag", "$ARGOCD_APP_REVISION_SHORT", null));
    RenderedManifests out =
        render(helm(List.of("values-$ARGOCD_APP_NAME.yaml"), null, null, params, null, null));
    ObjectNode deploy = kind(out, "Deployment");
    assertThat(deploy.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("nginx:f913b6c");
    assertThat(deploy.at("/metadata/labels/env").asText()).isEqualTo("from-app-name");
  }

  @Test
  void releaseNameAndHelmNamespaceOverrideTheApp() {
    ObjectNode deploy =
        kind(render(helm(null, null, null, null, "custom", "other-ns")), "Deployment");
    assertThat(deploy.at("/metadata/name").asText()).isEqualTo("custom-web");
    assertThat(deploy.at("/metadata/namespace").asText()).isEqualTo("other-ns");
  }

  @Test
  void valueFilesOutsideTheRepositoryAreRefused() throws IOException {
    assertThatThrownBy(
            () -> render(helm(List.of("../../../outside.yaml"), null, null, null, null, null)))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("helm.valueFiles[0] \"../../../outside.yaml\" leaves the repository");
    Files.writeString(tmp.resolve("outside.yaml"), "replicas: 100\n");
    Files.createSymbolicLink(root.resolve("charts/demo/evil.yaml"), tmp.resolve("outside.yaml"));
    assertThatThrownBy(() -> render(helm(List.of("evil.yaml"), null, null, null, null, null)))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("helm.valueFiles[0] \"evil.yaml\" is or goes through a symlink");
  }

  @Test
  void aMissingValueFileFailsUnlessIgnored() {
    assertThatThrownBy(() -> render(helm(List.of("nope.yaml"), null, null, null, null, null)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("nope.yaml: helm.valueFiles[0] does not exist");
    var ignoring =
        new ManifestSource.Helm(List.of("nope.yaml"), null, null, null, null, null, null, true);
    assertThat(kinds(render(ignoring))).contains("Deployment");
  }

  @Test
  void aTemplateErrorIsARenderFailureWithHelmsMessage() throws IOException {
    write("charts/demo/templates/broken.yaml", "value: {{ .Values.missing.deeper }}\n");
    assertThatThrownBy(() -> render(helm(null, null, null, null, null, null)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("charts/demo: helm template failed")
        .hasMessageContaining("broken.yaml");
  }

  @Test
  void hooksAndTestsFollowTheManifestsAndUnknownHooksAreLeftOut() throws IOException {
    write(
        "charts/demo/templates/hooks.yaml",
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          annotations:
            helm.sh/hook: pre-install
            helm.sh/hook-weight: "-5"
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: smoke-test
          annotations:
            helm.sh/hook: test
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: old-crd-hook
          annotations:
            helm.sh/hook: crd-install
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: from-values
          annotations: {{- toYaml .Values.hook | nindent 4 }}
        data:
          note: helm.sh/hook stays in data
        """);
    Path template = root.resolve("charts/demo/templates/hooks.yaml");
    String before = Files.readString(template);

    RenderedManifests out =
        render(
            helm(
                null,
                null,
                null,
                List.of(
                    new ManifestSource.Parameter("hook.helm\\.sh/hook", "post-install", null),
                    new ManifestSource.Parameter(
                        "hook.helm\\.sh/hook-delete-policy", "hook-succeeded", true)),
                null,
                null));

    assertThat(out.manifests().stream().map(o -> o.at("/metadata/name").asText()).toList())
        .containsExactly(
            "widgets.example.com",
            "guestbook-config",
            "guestbook-web",
            "from-values",
            "smoke-test",
            "migrate");
    ObjectNode fromValues = out.manifests().get(3);
    assertThat(fromValues.at("/metadata/annotations/helm.sh~1hook").asText())
        .isEqualTo("post-install");
    assertThat(fromValues.at("/metadata/annotations/helm.sh~1hook-delete-policy").asText())
        .isEqualTo("hook-succeeded");
    assertThat(fromValues.at("/data/note").asText()).isEqualTo("helm.sh/hook stays in data");
    assertThat(out.origins().get(5)).isEqualTo("charts/demo/templates/hooks.yaml");
    assertThat(Files.readString(template))
        .as("the chart is rendered from a copy")
        .isEqualTo(before);
  }

  @Test
  void chartsRenderInParallelWithoutMixingReleases() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<RenderedManifests>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String release = "r" + i;
        results.add(pool.submit(() -> render(helm(null, null, null, null, release, null))));
      }
      for (int i = 0; i < 16; i++) {
        assertThat(kind(results.get(i).get(), "Deployment").at("/metadata/name").asText())
            .isEqualTo("r" + i + "-web");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static ManifestSource.Helm helm(
      List<String> valueFiles,
      String values,
      JsonNode valuesObject,
      List<ManifestSource.Parameter> parameters,
      String release,
      String namespace) {
    return new ManifestSource.Helm(
        valueFiles, values, valuesObject, parameters, release, namespace, null, null);
  }

  private RenderedManifests render(ManifestSource.Helm helm) {
    ManifestSource source =
        new ManifestSource(
            "git://h/r.git", "main", "charts/demo", null, helm, null, "guestbook", "prod-ns");
    return new HelmRenderer()
        .render(
            new RenderContext(
                root,
                root.resolve("charts/demo"),
                "charts/demo",
                source,
                BuildEnvironment.of(source, SHA)));
  }

  private static ObjectNode kind(RenderedManifests out, String kind) {
    return out.manifests().stream()
        .filter(o -> o.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> kinds(RenderedManifests out) {
    return out.manifests().stream().map(o -> o.path("kind").asText()).toList();
  }

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
