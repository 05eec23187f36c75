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
  void aDocumentWithoutKindAfterAnObjectIsAnError() throws IOException {
    write("nokind/x.yaml", cm("ok") + "---\napiVersion: v1\nmetadata:\n  name: x\n");
    assertThatThrownBy(() -> render("nokind", null))
        .isInstanceOf(RenderException.class)
        .hasMessage("nokind/x.yaml: object 2 is not a Kubernetes object: it has no kind");
  }

  @Test
  void unrelatedYamlFilesAreSkippedAsArgoCdDoes() throws IOException {
    write("mixed/config.yaml", "replicas: 3\nfeatures: [a, b]\n");
    write("mixed/broken-notes.yaml", "just: [text\n");
    write("mixed/cm.yaml", cm("kept"));
    assertThat(names(render("mixed", null))).containsExactly("kept");
  }

  @Test
  void aBrokenFileThatLooksLikeAManifestIsAnError() throws IOException {
    write("looks/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n");
    assertThatThrownBy(() -> render("looks", null))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("looks/x.yaml: document 1, line");
  }

  @Test
  void aJsonFileHoldsOneObject() throws IOException {
    write(
        "json/two.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"A\"}\n{\"apiVersion\":\"v1\",\"kind\":\"B\"}");
    assertThatThrownBy(() -> render("json", null))
        .isInstanceOf(RenderException.class)
        .hasMessage("json/two.json: holds 2 objects; a JSON file may hold only one");
  }

  @Test
  void filesMarkedToSkipAreLeftOut() throws IOException {
    write("marked/a.yaml", "# +argocd:skip-file-rendering\n" + cm("skipped"));
    write("marked/b.yaml", cm("kept"));
    assertThat(names(render("marked", null))).containsExactly("kept");
  }

  @Test
  void anyObjectWithAnItemsListIsFlattenedAndANullListDropped() throws IOException {
    write(
        "lists/custom.yaml",
        "apiVersion: example.com/v1\nkind: Bundle\nitems:\n- "
            + cm("from-bundle").replace("\n", "\n  ")
            + "\n---\napiVersion: v1\nkind: ConfigMapList\nitems: null\n");
    assertThat(names(render("lists", null))).containsExactly("from-bundle");
  }

  @Test
  void extensionFilterCanBeDisabled() throws IOException {
    write("noext/manifest.txt", cm("txt"));
    assertThat(names(render("noext", null))).isEmpty();
    assertThat(names(render("noext", new ManifestSource.Directory(false, null, null, true))))
        .containsExactly("txt");
  }

  @Test
  void symlinksToMissingTargetsAreSkippedButEscapesFailEvenWhenExcluded() throws IOException {
    Files.createDirectories(root.resolve("links"));
    Files.writeString(root.resolve("links/cm.yaml"), cm("kept"));
    Files.createSymbolicLink(root.resolve("links/gone.yaml"), Path.of("missing.yaml"));
    assertThat(names(render("links", null))).containsExactly("kept");
    Files.writeString(tmp.resolve("outside.yaml"), cm("secret"));
    Files.createSymbolicLink(root.resolve("links/evil.yaml"), Path.of("../../outside.yaml"));
    assertThatThrownBy(
            () -> render("links", new ManifestSource.Directory(false, null, "evil.yaml")))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("links/evil.yaml");
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
