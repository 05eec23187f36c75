package io.quargo.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.CustomResource;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Argo's own YAML, read into the model and written back, must come out as it went in. */
class ArgoRoundTripTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "guestbook.yaml",
        "declarative-application.yaml",
        "multi-source.yaml",
        "helm-values-object.yaml",
        "project.yaml"
      })
  void argoYamlSurvivesReadAndWrite(String fixture) throws IOException {
    ObjectNode input = ManifestCodec.readAll(load(fixture), fixture).get(0);

    CustomResource<?, ?> typed = ManifestCodec.yamlMapper().treeToValue(input, kindOf(input));
    String written = ManifestCodec.write(typed);
    ObjectNode output = ManifestCodec.readAll(written).get(0);

    assertThat(output).as(written).isEqualTo(input);
  }

  @Test
  void modelledFieldsAreTyped() throws IOException {
    Application app = read("declarative-application.yaml", Application.class);

    assertThat(app.getMetadata().getNamespace()).isEqualTo("argocd");
    assertThat(app.getSpec().getSource().getRepoURL())
        .isEqualTo("https://github.com/argoproj/argocd-example-apps.git");
    assertThat(app.getSpec().getSource().getHelm().getParameters().get(1).getForceString())
        .isTrue();
    assertThat(app.getSpec().getSource().getKustomize().getReplicas())
        .extracting(r -> r.getCount())
        .containsExactly(new IntOrString(4), new IntOrString("2"));
    assertThat(app.getSpec().getSyncPolicy().getRetry().getBackoff().getMaxDuration())
        .isEqualTo("3m");
    assertThat(app.getSpec().getRevisionHistoryLimit()).isEqualTo(10L);
    assertThat(app.getOperation().getSync().getSyncOptions())
        .containsExactly("ServerSideApply=true");
  }

  @Test
  void unmodelledFieldsAreKeptWhereTheyWere() throws IOException {
    Application app = read("helm-values-object.yaml", Application.class);

    assertThat(app.getSpec().unknownFields()).containsKey("sourceHydrator");
    assertThat(app.getSpec().getSource().getHelm().unknownFields())
        .containsEntry("someFutureHelmOption", Map.of("enabled", true));
    assertThat(app.getStatus().getOperationState().getSyncResult()).containsKey("resources");
    assertThat(app.getStatus().getResources().get(1).getSyncWave()).isEqualTo(-1L);
    @SuppressWarnings("unchecked")
    Map<String, Object> controller =
        (Map<String, Object>)
            app.getSpec().getSource().getHelm().getValuesObject().get("controller");
    assertThat(controller).containsEntry("replicaCount", 2).containsEntry("tolerations", List.of());

    AppProject project = read("project.yaml", AppProject.class);
    assertThat(project.getSpec().unknownFields()).containsKey("destinationServiceAccounts");
    assertThat(project.getSpec().getSyncWindows().get(1).getTimeZone())
        .isEqualTo("Europe/Amsterdam");
    assertThat(project.getSpec().getRoles().get(1).getJwtTokens().get(0).getIat())
        .isEqualTo(1535390316L);
  }

  @Test
  void newObjectsCarryApiVersionAndKind() {
    Application app = new Application();

    JsonNode tree = ManifestCodec.yamlMapper().valueToTree(app);

    assertThat(tree.get("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(tree.get("kind").asText()).isEqualTo("Application");
    assertThat(app.getPlural()).isEqualTo("applications");
    assertThat(new AppProject().getPlural()).isEqualTo("appprojects");
  }

  private static <T> T read(String fixture, Class<T> type) throws IOException {
    return ManifestCodec.read(load(fixture), type, fixture);
  }

  private static Class<? extends CustomResource<?, ?>> kindOf(ObjectNode object) {
    return switch (object.get("kind").asText()) {
      case "Application" -> Application.class;
      case "AppProject" -> AppProject.class;
      default -> throw new IllegalArgumentException("no model for kind " + object.get("kind"));
    };
  }

  private static String load(String fixture) throws IOException {
    try (InputStream in = ArgoRoundTripTest.class.getResourceAsStream("/argo/" + fixture)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
