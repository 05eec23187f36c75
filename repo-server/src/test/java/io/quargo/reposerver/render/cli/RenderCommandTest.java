package io.quargo.reposerver.render.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quargo render DIR} run through its main class, without Quarkus. */
class RenderCommandTest {

  @TempDir Path root;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void rendersAPlainFolderOfManifests() throws IOException {
    write("plain/a.yaml", cm("a") + "---\n" + cm("b"));
    write("plain/sub/c.yaml", cm("c"));

    assertThat(run(root.resolve("plain").toString())).isZero();
    assertThat(names()).containsExactly("a", "b");

    out.reset();
    assertThat(run("--recurse", root.resolve("plain").toString())).isZero();
    assertThat(names()).containsExactly("a", "b", "c");
  }

  @Test
  void rendersAChartWithHelmSetValuesReleaseAndNamespace() throws IOException {
    write("chart/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
    write("chart/values.yaml", "replicas: 1\ncolor: red\nsize: s\n");
    write(
        "chart/templates/cm.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-cfg
          namespace: {{ .Release.Namespace }}
        data:
          replicas: "{{ .Values.replicas }}"
          color: {{ .Values.color }}
          size: {{ .Values.size }}
        """);
    Path values1 = write("prod.yaml", "color: blue\nsize: m\n");
    Path values2 = write("more.yaml", "size: l\n");

    int code =
        run(
            root.resolve("chart").toString(),
            "--helm-set",
            "replicas=3",
            "--values",
            values1.toString(),
            "--values",
            values2.toString(),
            "--release",
            "web",
            "--namespace",
            "prod");

    assertThat(code).as(err.toString()).isZero();
    ObjectNode cm = objects().get(0);
    assertThat(cm.at("/metadata/name").asText()).isEqualTo("web-cfg");
    assertThat(cm.at("/metadata/namespace").asText()).isEqualTo("prod");
    assertThat(cm.at("/data/replicas").asText()).isEqualTo("3");
    assertThat(cm.at("/data/color").asText()).isEqualTo("blue");
    assertThat(cm.at("/data/size").asText()).isEqualTo("l");
  }

  @Test
  void rendersAKustomizeOverlayWhoseBaseIsInTheSameGitWorkTree() throws IOException {
    Files.createDirectories(root.resolve(".git"));
    write("base/kustomization.yaml", "resources: [cm.yaml]\n");
    write("base/cm.yaml", cm("settings"));
    write("overlays/dev/kustomization.yaml", "resources: [../../base]\nnamePrefix: dev-\n");

    assertThat(run(root.resolve("overlays/dev").toString())).as(err.toString()).isZero();
    assertThat(names()).containsExactly("dev-settings");
  }

  @Test
  void badUsageExitsWith2AndARenderFailureWith1() throws IOException {
    assertThat(run(root.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a folder");
    assertThat(run()).isEqualTo(2);

    write("plain/a.yaml", cm("a"));
    err.reset();
    assertThat(run(root.resolve("plain").toString(), "--helm-set", "x=1")).isEqualTo(2);
    assertThat(err.toString()).contains("not a Helm chart");

    write("broken/kustomization.yaml", "resources: [missing.yaml]\n");
    err.reset();
    assertThat(run(root.resolve("broken").toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("quargo render: ").contains("missing.yaml");
  }

  private int run(String... args) {
    return RenderCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<ObjectNode> objects() {
    return ManifestCodec.readAll(out.toString(StandardCharsets.UTF_8));
  }

  private List<String> names() {
    return objects().stream().map(o -> o.at("/metadata/name").asText()).toList();
  }

  private Path write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static String cm(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }
}
