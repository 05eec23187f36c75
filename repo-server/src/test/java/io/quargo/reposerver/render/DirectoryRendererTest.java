package io.quargo.reposerver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.reposerver.git.PathEscapeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory rendering over a real file tree laid out like a repository. */
class DirectoryRendererTest {

  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void layout() throws IOException {
    root = Files.createDirectories(tmp.resolve("repo"));
    write("app/cm.yaml", cm("one") + "---\n" + cm("two") + "---\n");
    write(
        "app/svc.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"}}");
    write(
        "app/list.yml",
        "apiVersion: v1\nkind: List\nitems:\n- "
            + cm("in-list-a").replace("\n", "\n  ")
            + "\n- "
            + cm("in-list-b").replace("\n", "\n  ")
            + "\n");
    write("app/README.md", "not a manifest");
    write("app/nested/deep.yaml", cm("deep"));
    write("app/nested/skip.yaml", cm("skipped"));
  }

  @Test
  void readsTopLevelYamlAndJsonWithMultiDocumentsAndFlattenedLists() {
    RenderedManifests out = render(null);
    assertThat(names(out)).containsExactly("one", "two", "in-list-a", "in-list-b", "web");
    assertThat(out.origins())
        .containsExactly(
            "app/cm.yaml", "app/cm.yaml", "app/list.yml", "app/list.yml", "app/svc.json");
    assertThat(out.sourceType()).isEqualTo(SourceType.Directory);
  }

  @Test
  void recursesIntoSubdirectoriesOnlyWhenAsked() {
    RenderedManifests out = render(new ManifestSource.Directory(true, null, null));
    assertThat(names(out))
        .containsExactly("one", "two", "in-list-a", "in-list-b", "deep", "skipped", "web");
    assertThat(out.origins()).contains("app/nested/deep.yaml");
  }

  @Test
  void includeAndExcludeGlobsMatchThePathRelativeToTheApp() {
    assertThat(names(render(new ManifestSource.Directory(true, "*.yaml", null))))
        .containsExactly("one", "two", "deep", "skipped");
    assertThat(
            names(
                render(
                    new ManifestSource.Directory(true, "{cm.yaml,nested/*}", "nested/skip.yaml"))))
        .containsExactly("one", "two", "deep");
    assertThat(names(render(new ManifestSource.Directory(true, null, "{*.yml,*.json,nested/*}"))))
        .containsExactly("one", "two");
  }

  @Test
  void invalidYamlNamesFileDocumentAndLine() throws IOException {
    write("bad/x.yaml", cm("ok") + "---\napiVersion: v1\nkind: [unclosed\n");
    assertThatThrownBy(() -> render("bad", null))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining(
            "bad/x.yaml: document 2, line 10, column 1: while parsing a flow sequence (started at line 9");
  }

  @Test
  void documentsWithoutKindAreRefused() throws IOException {
    write("nokind/x.yaml", "apiVersion: v1\nmetadata:\n  name: x\n");
    assertThatThrownBy(() -> render("nokind", null))
        .isInstanceOf(RenderException.class)
        .hasMessage("nokind/x.yaml: object 1 is not a Kubernetes object: it has no kind");
  }

  @Test
  void symlinkedFilesThatLeaveTheRepositoryAreRefused() throws IOException {
    Files.writeString(tmp.resolve("outside.yaml"), cm("secret"));
    Files.createDirectories(root.resolve("linked"));
    Files.createSymbolicLink(root.resolve("linked/evil.yaml"), Path.of("../../outside.yaml"));
    assertThatThrownBy(() -> render("linked", null))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining(
            "file \"linked/evil.yaml\" is or goes through a symlink that leaves it");
  }

  @Test
  void symlinksInsideTheRepositoryAreRead() throws IOException {
    Files.createDirectories(root.resolve("inner"));
    Files.createSymbolicLink(root.resolve("inner/cm.yaml"), Path.of("../app/cm.yaml"));
    assertThat(names(render("inner", null))).containsExactly("one", "two");
  }

  private RenderedManifests render(ManifestSource.Directory directory) {
    return render("app", directory);
  }

  private RenderedManifests render(String path, ManifestSource.Directory directory) {
    ManifestSource source =
        new ManifestSource("git://x", "HEAD", path, null, null, directory, "a", "ns");
    return new DirectoryRenderer()
        .render(
            new RenderContext(
                root,
                root.resolve(path),
                path,
                source,
                BuildEnvironment.of(source, "0".repeat(40))));
  }

  private static java.util.List<String> names(RenderedManifests out) {
    return out.manifests().stream().map(o -> o.path("metadata").path("name").asText()).toList();
  }

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  static String cm(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  k: v\n";
  }
}
