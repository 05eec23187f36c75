package io.quargo.reposerver.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kustomize apps through {@code POST /api/v1/manifests} from a real git daemon. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class KustomizeManifestResourceTest {

  static String url;

  @BeforeAll
  static void serve() {
    GitServer server = GitServer.shared();
    String name = server.createUniqueRepo("kustomize-rest");
    Map<String, String> files = new HashMap<>();
    files.put(
        "base/kustomization.yaml",
        """
        resources: [deployment.yaml, service.yaml]
        configMapGenerator:
        - name: web-config
          literals: [mode=dev]
        """);
    files.put(
        "base/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.25
                envFrom:
                - configMapRef: {name: web-config}
        """);
    files.put(
        "base/service.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector: {app: web}
          ports:
          - port: 80
        """);
    files.put(
        "overlays/prod/kustomization.yaml",
        """
        resources: [../../base]
        namePrefix: prod-
        images:
        - name: nginx
          newTag: "1.27"
        patches:
        - target: {kind: Deployment, name: web}
          patch: |-
            - op: replace
              path: /spec/replicas
              value: 3
        """);
    files.put("remote/kustomization.yaml", "helmCharts:\n- name: x\n");
    files.put("escape/kustomization.yaml", "resources: [../../../etc/passwd]\n");
    files.put("broken/kustomization.yaml", "resources: [missing.yaml]\n");
    server.commit(name, files, "kustomize apps");
    url = server.url(name);
  }

  @Test
  void rendersAnOverlayWithTheApplicationsImagesAndNamePrefix() {
    Map<String, Object> body = source("overlays/prod");
    body.put(
        "kustomize",
        Map.of("images", List.of("nginx=registry.example/nginx:1.28"), "namePrefix", "argo-"));
    JsonPath out =
        given()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/manifests")
            .then()
            .statusCode(200)
            .body("sourceType", equalTo("Kustomize"))
            .extract()
            .jsonPath();
    List<String> kinds = out.getList("manifests.kind");
    assertThat(kinds).containsExactly("ConfigMap", "Service", "Deployment");
    String configMap = out.getString("manifests[0].metadata.name");
    assertThat(configMap).matches("argo-web-config-[a-z0-9]{10}");
    assertThat(out.getString("manifests[1].metadata.name")).isEqualTo("argo-web");
    assertThat(out.getString("manifests[2].metadata.name")).isEqualTo("argo-web");
    assertThat(out.getInt("manifests[2].spec.replicas")).isEqualTo(3);
    assertThat(out.getString("manifests[2].spec.template.spec.containers[0].image"))
        .isEqualTo("registry.example/nginx:1.28");
    assertThat(
            out.getString(
                "manifests[2].spec.template.spec.containers[0].envFrom[0].configMapRef.name"))
        .isEqualTo(configMap);
    assertThat(out.getList("origins", String.class))
        .containsExactly("base/kustomization.yaml", "base/service.yaml", "base/deployment.yaml");
  }

  @Test
  void withoutOverridesTheOverlaysOwnPrefixAndTagApply() {
    given()
        .contentType(ContentType.JSON)
        .body(source("overlays/prod"))
        .post("/api/v1/manifests")
        .then()
        .statusCode(200)
        .body("manifests[2].metadata.name", equalTo("prod-web"))
        .body("manifests[2].spec.template.spec.containers[0].image", equalTo("nginx:1.27"));
  }

  @Test
  void aFieldTheEngineLacksIsA501NamingFieldAndFile() {
    problem(source("remote"), 501)
        .body("type", equalTo("urn:quargo:problem:unsupported-kustomization"))
        .body("unsupportedField", equalTo("helmCharts"))
        .body("file", equalTo("remote/kustomization.yaml"))
        .body("detail", containsString("helmCharts"));
  }

  @Test
  void anUnknownApplicationOptionIsA501() {
    Map<String, Object> body = source("overlays/prod");
    body.put("kustomize", Map.of("version", "v5.0.0"));
    problem(body, 501).body("unsupportedField", equalTo("version"));
  }

  @Test
  void aResourceThatLeavesTheRepositoryIsA400() {
    problem(source("escape"), 400)
        .body("type", equalTo("urn:quargo:problem:path-outside-repository"))
        .body("detail", containsString("../../../etc/passwd"));
  }

  @Test
  void aMissingResourceIsA422NamingTheFile() {
    problem(source("broken"), 422)
        .body("type", equalTo("urn:quargo:problem:render-failed"))
        .body("detail", containsString("missing.yaml"));
  }

  private static io.restassured.response.ValidatableResponse problem(
      Map<String, Object> body, int status) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/manifests")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status));
  }

  private static Map<String, Object> source(String path) {
    Map<String, Object> body = new HashMap<>();
    body.put("repoURL", url);
    body.put("targetRevision", "main");
    body.put("path", path);
    body.put("appName", "web");
    body.put("namespace", "default");
    return body;
  }
}
