package io.quargo.reposerver.render.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors the engine must raise instead of rendering wrong output; none needs kubectl. */
class KustomizeEngineErrorsTest {

  @TempDir Path repo;

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        a: b
      """;

  private void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<ObjectNode> build(String dir) {
    return new KustomizeEngine().build(repo, repo.resolve(dir), KustomizeOverrides.NONE);
  }

  @Test
  void unsupportedFieldNamesTheFieldAndTheFile() throws IOException {
    write("app/kustomization.yaml", "resources: [cm.yaml]\nreplacements: []\n");
    write("app/cm.yaml", CONFIG_MAP);

    assertThatThrownBy(() -> build("app"))
        .isInstanceOf(UnsupportedKustomizationException.class)
        .hasMessageContaining("app/kustomization.yaml")
        .hasMessageContaining("\"replacements\"")
        .satisfies(
            e ->
                assertThat(((UnsupportedKustomizationException) e).field())
                    .isEqualTo("replacements"));
  }

  @Test
  void unsupportedFieldInANestedBaseIsFoundToo() throws IOException {
    write("base/kustomization.yaml", "helmCharts:\n- name: x\n");
    write("overlay/kustomization.yaml", "resources: [../base]\n");

    assertThatThrownBy(() -> build("overlay"))
        .isInstanceOf(UnsupportedKustomizationException.class)
        .hasMessageContaining("base/kustomization.yaml")
        .hasMessageContaining("\"helmCharts\"");
  }

  @Test
  void remoteResourceIsUnsupported() throws IOException {
    write(
        "app/kustomization.yaml",
        "resources:\n- https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.0.0\n");

    assertThatThrownBy(() -> build("app"))
        .isInstanceOf(UnsupportedKustomizationException.class)
        .hasMessageContaining("\"resources\"")
        .hasMessageContaining("remote reference");
  }

  @Test
  void unknownFieldIsAnError() throws IOException {
    write("app/kustomization.yaml", "resources: [cm.yaml]\nnamePrefx: oops-\n");
    write("app/cm.yaml", CONFIG_MAP);

    assertThatThrownBy(() -> build("app"))
        .isInstanceOf(KustomizeException.class)
        .isNotInstanceOf(UnsupportedKustomizationException.class)
        .hasMessageContaining("app/kustomization.yaml")
        .hasMessageContaining("unknown field \"namePrefx\"");
  }

  @Test
  void dotDotEscapeIsRefusedNamingThePath() throws IOException {
    write("app/kustomization.yaml", "resources:\n- ../../etc/passwd\n");

    assertThatThrownBy(() -> build("app"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("\"../../etc/passwd\" leaves the repository");
  }

  @Test
  void generatorFileEscapeIsRefused() throws IOException {
    write(
        "app/kustomization.yaml",
        "configMapGenerator:\n- name: stolen\n  files:\n  - ../../../../etc/hostname\n");

    assertThatThrownBy(() -> build("app"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("\"../../../../etc/hostname\" leaves the repository");
  }

  @Test
  void absolutePathIsRefused() throws IOException {
    write("app/kustomization.yaml", "resources:\n- /etc/hosts\n");

    assertThatThrownBy(() -> build("app"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("\"/etc/hosts\" is an absolute path");
  }

  @Test
  void symlinkLeavingTheRepositoryIsRefused(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret.yaml"), CONFIG_MAP);
    write("app/kustomization.yaml", "resources:\n- link.yaml\n");
    Files.createSymbolicLink(repo.resolve("app/link.yaml"), outside.resolve("secret.yaml"));

    assertThatThrownBy(() -> build("app"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("\"link.yaml\" is a symlink that leaves the repository");
  }

  @Test
  void symlinkInsideTheRepositoryIsFollowed() throws IOException {
    write("shared/cm.yaml", CONFIG_MAP);
    write("app/kustomization.yaml", "resources:\n- link.yaml\n");
    Files.createSymbolicLink(repo.resolve("app/link.yaml"), repo.resolve("shared/cm.yaml"));

    assertThat(build("app"))
        .extracting(o -> o.at("/metadata/name").asText())
        .containsExactly("settings");
  }

  @Test
  void kustomizationDirectoryOutsideTheRepositoryIsRefused(@TempDir Path outside)
      throws IOException {
    Files.writeString(outside.resolve("kustomization.yaml"), "resources: []\n");

    assertThatThrownBy(() -> new KustomizeEngine().build(repo, outside, KustomizeOverrides.NONE))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("leaves the repository");
  }

  @Test
  void componentListedAsResourceIsAnError() throws IOException {
    write(
        "comp/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
    write("app/kustomization.yaml", "resources:\n- ../comp\n");

    assertThatThrownBy(() -> build("app"))
        .hasMessageContaining("is a Component; list it under components");
  }

  @Test
  void duplicateObjectsAreAnError() throws IOException {
    write("app/kustomization.yaml", "resources: [a.yaml, b.yaml]\n");
    write("app/a.yaml", CONFIG_MAP);
    write("app/b.yaml", CONFIG_MAP);

    assertThatThrownBy(() -> build("app")).hasMessageContaining("already registered id");
  }

  @Test
  void patchWithoutMatchIsAnError() throws IOException {
    write(
        "app/kustomization.yaml",
        "resources: [cm.yaml]\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n"
            + "    metadata:\n      name: missing\n    data:\n      x: y\n");
    write("app/cm.yaml", CONFIG_MAP);

    assertThatThrownBy(() -> build("app"))
        .hasMessageContaining("no resource matches strategic merge patch");
  }

  @Test
  void originsNameTheFileOfEachObject() throws IOException {
    write("base/kustomization.yaml", "resources: [cm.yaml]\n");
    write("base/cm.yaml", CONFIG_MAP);
    write(
        "overlay/kustomization.yaml",
        "resources: [../base]\nconfigMapGenerator:\n- name: gen\n  files: [settings.txt]\n");
    write("overlay/settings.txt", "k=v\n");

    KustomizeOutput out =
        new KustomizeEngine().render(repo, repo.resolve("overlay"), KustomizeOverrides.NONE);

    // Sorted by name: the generated "gen-…" before "settings".
    assertThat(out.origins()).containsExactly("overlay/kustomization.yaml", "base/cm.yaml");
    assertThat(out.inputs())
        .containsExactlyInAnyOrder(
            "overlay/kustomization.yaml",
            "base/kustomization.yaml",
            "base/cm.yaml",
            "overlay/settings.txt");
    assertThat(out.external()).isFalse();
  }

  @Test
  void numberWhereKustomizeWantsAStringIsRefused() throws IOException {
    write(
        "app/kustomization.yaml", "resources: [cm.yaml]\nimages:\n- name: nginx\n  newTag: 1.10\n");
    write("app/cm.yaml", CONFIG_MAP);

    assertThatThrownBy(() -> build("app"))
        .hasMessageContaining("app/kustomization.yaml")
        .hasMessageContaining("\"images.newTag\" must be a string but is the number 1.1; quote it");
  }

  @Test
  void resourceScalarsAreTypedAsKustomizeTypesThem() throws IOException {
    write("app/kustomization.yaml", "resources: [cm.yaml]\n");
    write(
        "app/cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: yes\n  b: on\n"
            + "  c: true\n");

    ObjectNode cm = build("app").get(0);

    assertThat(cm.at("/data/a").isTextual()).isTrue();
    assertThat(cm.at("/data/a").asText()).isEqualTo("yes");
    assertThat(cm.at("/data/b").asText()).isEqualTo("on");
    assertThat(cm.at("/data/c").isBoolean()).isTrue();
  }
}
