package io.quargo.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CRDs crd-generator-maven-plugin wrote (process-classes) into deploy/kubernetes/base/crds. */
class GeneratedCrdTest {

  private static final Path CRDS = Path.of("..", "deploy", "kubernetes", "base", "crds");

  @Test
  void applicationCrdMatchesArgosNames() throws IOException {
    CustomResourceDefinition crd = load("applications.argoproj.io-v1.yml");

    assertThat(crd.getApiVersion()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.getSpec().getGroup()).isEqualTo("argoproj.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("Application");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("applications");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("app", "apps");
    CustomResourceDefinitionVersion version = onlyVersion(crd);
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .contains("Sync Status", "Health Status");

    JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
    JSONSchemaProps spec = root.getProperties().get("spec");
    assertThat(spec.getXKubernetesPreserveUnknownFields()).isTrue();
    assertThat(root.getProperties().get("status").getXKubernetesPreserveUnknownFields()).isTrue();
    JSONSchemaProps source = spec.getProperties().get("source");
    assertThat(source.getXKubernetesPreserveUnknownFields()).isTrue();
    JSONSchemaProps valuesObject =
        source.getProperties().get("helm").getProperties().get("valuesObject");
    assertThat(valuesObject.getXKubernetesPreserveUnknownFields()).isTrue();
    assertThat(valuesObject.getAdditionalProperties())
        .as("any value type must be allowed, not only objects")
        .isNull();
    assertThat(spec.getProperties()).doesNotContainKey("unknownFields");
  }

  @Test
  void appProjectCrdMatchesArgosNames() throws IOException {
    CustomResourceDefinition crd = load("appprojects.argoproj.io-v1.yml");

    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("AppProject");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("appprojects");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("appproj", "appprojs");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    JSONSchemaProps spec =
        onlyVersion(crd).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    assertThat(spec.getXKubernetesPreserveUnknownFields()).isTrue();
    assertThat(spec.getProperties())
        .containsKeys("sourceRepos", "destinations", "roles", "syncWindows");
  }

  private static CustomResourceDefinitionVersion onlyVersion(CustomResourceDefinition crd) {
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getServed()).isTrue();
    assertThat(version.getStorage()).isTrue();
    assertThat(version.getSubresources().getStatus()).isNotNull();
    return version;
  }

  private static CustomResourceDefinition load(String file) throws IOException {
    return ManifestCodec.read(
        Files.readString(CRDS.resolve(file)), CustomResourceDefinition.class, file);
  }
}
