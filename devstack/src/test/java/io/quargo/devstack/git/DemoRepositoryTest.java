package io.quargo.devstack.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRepositoryTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void holdsTheGuestbookInEveryForm() {
    Map<String, String> files = DemoRepository.files(DemoRepository.DEFAULT_URL);
    assertThat(files)
        .containsKeys(
            "guestbook/guestbook-ui-deployment.yaml",
            "guestbook/guestbook-ui-svc.yaml",
            "kustomize-guestbook/base/kustomization.yaml",
            "kustomize-guestbook/overlays/dev/kustomization.yaml",
            "helm-guestbook/Chart.yaml",
            "helm-guestbook/values.yaml",
            "helm-guestbook/templates/_helpers.tpl",
            "helm-guestbook/templates/deployment.yaml",
            "helm-guestbook/templates/service.yaml",
            "apps/guestbook.yaml",
            "apps/kustomize-guestbook.yaml",
            "apps/helm-guestbook.yaml");
  }

  @Test
  void plainYamlParsesToTheGuestbookDeploymentAndService() throws IOException {
    Map<String, String> files = DemoRepository.files(DemoRepository.DEFAULT_URL);
    JsonNode deployment = YAML.readTree(files.get("guestbook/guestbook-ui-deployment.yaml"));
    assertThat(deployment.at("/kind").asText()).isEqualTo("Deployment");
    assertThat(deployment.at("/metadata/name").asText()).isEqualTo("guestbook-ui");
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.at("/image").asText())
        .isEqualTo("gcr.io/heptio-images/ks-guestbook-demo:0.2");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(80);
    JsonNode service = YAML.readTree(files.get("guestbook/guestbook-ui-svc.yaml"));
    assertThat(service.at("/spec/selector/app").asText()).isEqualTo("guestbook-ui");
  }

  @Test
  void everyNonTemplateYamlFileParses() throws IOException {
    for (var file : DemoRepository.files(DemoRepository.DEFAULT_URL).entrySet()) {
      if (file.getKey().endsWith(".yaml") && !file.getKey().contains("/templates/")) {
        assertThat(documents(file.getValue())).as(file.getKey()).isNotEmpty();
      }
    }
  }

  @Test
  void overlayAndApplicationsSayWhatTheyShould() throws IOException {
    Map<String, String> files = DemoRepository.files("git://127.0.0.1:1234/demo.git");
    JsonNode overlay =
        YAML.readTree(files.get("kustomize-guestbook/overlays/dev/kustomization.yaml"));
    assertThat(overlay.at("/namePrefix").asText()).isEqualTo("dev-");
    assertThat(overlay.at("/replicas/0/count").asInt()).isEqualTo(2);
    Map<String, String> entryFile =
        Map.of(
            "guestbook", "guestbook-ui-deployment.yaml",
            "kustomize-guestbook", "kustomization.yaml",
            "helm-guestbook", "Chart.yaml");
    for (var app : entryFile.entrySet()) {
      JsonNode application = YAML.readTree(files.get("apps/" + app.getKey() + ".yaml"));
      assertThat(application.at("/kind").asText()).isEqualTo("Application");
      assertThat(application.at("/spec/source/repoURL").asText())
          .isEqualTo("git://127.0.0.1:1234/demo.git");
      String path = application.at("/spec/source/path").asText();
      assertThat(files).as(app.getKey()).containsKey(path + "/" + app.getValue());
    }
  }

  @Test
  void publishesOnceAndKeepsAnExistingRepository(@TempDir Path base) throws Exception {
    GitRepos repos = new GitRepos(base);
    String sha = DemoRepository.publish(repos, "git://127.0.0.1:9/demo.git");
    String again = DemoRepository.publish(repos, "git://127.0.0.1:9/demo.git");
    assertThat(again).isEqualTo(sha);

    Path work = base.resolve("work");
    try (Git clone =
        Git.cloneRepository()
            .setURI(repos.dir("demo").toUri().toString())
            .setDirectory(work.toFile())
            .call()) {
      assertThat(Files.readString(work.resolve("apps/guestbook.yaml")))
          .contains("git://127.0.0.1:9/demo.git");
      assertThat(work.resolve("helm-guestbook/templates/_helpers.tpl")).exists();
    }
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
    }
    return docs;
  }
}
