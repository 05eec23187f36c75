package io.quargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.quargo.deploy.fixture.model.Gadget;
import io.quargo.deploy.fixture.model.Widget;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRDs in deploy/kubernetes/base/crds match the CustomResource classes in common's model. */
class CrdModelTest {

  private static final ProjectLayout LAYOUT = ProjectLayout.current();
  private static final Path CRDS = LAYOUT.deploy().resolve("kubernetes/base/crds");
  private static final Path FIXTURES = LAYOUT.deploy().resolve("src/test/resources/fixtures/crds");

  @Test
  void everyModelKindHasAMatchingCrdAndEveryCrdAModelKind() {
    assertThat(new CrdRules(ModelClasses.find("io.quargo.common.model"), CRDS).check()).isEmpty();
  }

  @Test
  void crdsMatchingTheModelPass() {
    assertThat(new CrdRules(List.of(Widget.class, Gadget.class), FIXTURES.resolve("good")).check())
        .isEmpty();
  }

  @Test
  void crdsWrittenByFabric8sGeneratorPass(@TempDir Path dir) {
    new CRDGenerator()
        .customResourceClasses(Widget.class, Gadget.class)
        .inOutputDir(dir.toFile())
        .forCRDVersions("v1")
        .generate();
    assertThat(Manifest.yamlFiles(dir))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("gadgets.fixture.quargo.io-v1.yml", "widgets.fixture.quargo.io-v1.yml");
    assertThat(new CrdRules(List.of(Widget.class, Gadget.class), dir).check()).isEmpty();
  }

  @Test
  void wrongFieldsMissingAndOrphanCrdsAreReported() {
    List<String> problems =
        new CrdRules(List.of(Widget.class, Gadget.class), FIXTURES.resolve("broken")).check();
    assertThat(problems)
        .hasSize(6)
        .anySatisfy(p -> assertThat(p).contains("spec.names.plural is widgetz", "says widgets"))
        .anySatisfy(p -> assertThat(p).contains("spec.scope is Cluster", "says Namespaced"))
        .anySatisfy(p -> assertThat(p).contains("spec.versions[].name is [v1]", "[v1alpha1]"))
        .anySatisfy(p -> assertThat(p).contains("metadata.name is widgetz.fixture.quargo.io"))
        .anySatisfy(p -> assertThat(p).contains("no CRD for Gadget (fixture.quargo.io)"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("CustomResourceDefinition/sprockets", "no CustomResource class"));
  }

  @Test
  void scannerFindsConcreteCustomResourcesOnlyInThePackage() {
    assertThat(ModelClasses.find("io.quargo.deploy.fixture.model"))
        .containsExactly(Gadget.class, Widget.class);
    assertThat(ModelClasses.find("io.quargo.deploy.fixture.nothing.here")).isEmpty();
  }

  @Test
  void scannerReadsClassNamesFromJars(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("model.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("io/quargo/deploy/fixture/model/Widget.class"));
      out.closeEntry();
      out.putNextEntry(new JarEntry("io/quargo/other/Thing.class"));
      out.closeEntry();
    }
    URL url = new URL("jar:" + jar.toUri() + "!/io/quargo/deploy/fixture/model");
    assertThat(ModelClasses.classNamesIn(url, "io/quargo/deploy/fixture/model"))
        .containsExactly("io.quargo.deploy.fixture.model.Widget");
  }
}
