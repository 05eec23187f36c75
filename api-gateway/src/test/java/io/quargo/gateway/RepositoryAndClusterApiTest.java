package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandIn.IN_CLUSTER;
import static io.quargo.gateway.support.AppControllerStandIn.OTHER_CLUSTER;
import static io.quargo.gateway.support.AppControllerStandIn.OTHER_REPO;
import static io.quargo.gateway.support.AppControllerStandIn.PUBLIC_REPO;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repositories and clusters through the gateway: RBAC, no secrets in answers, YAML bodies. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class RepositoryAndClusterApiTest {

  @BeforeEach
  void seed() {
    APP_CONTROLLER.reset();
  }

  private static String enc(String url) {
    return URLEncoder.encode(url, StandardCharsets.UTF_8);
  }

  @Test
  void adminListsAndGetsRepositoriesWithoutTheirCredentials() throws Exception {
    String admin = tokenFor("admin");
    String list =
        as(admin)
            .get("/api/v1/repositories")
            .then()
            .statusCode(200)
            .body("items.repo", containsInAnyOrder(PUBLIC_REPO, OTHER_REPO))
            .body("items.find { it.repo == '" + PUBLIC_REPO + "' }.username", is("git"))
            .extract()
            .asString();
    assertThat(list).doesNotContain("repo-secret", "BEGIN KEY", "password", "sshPrivateKey");
    as(admin)
        .urlEncodingEnabled(false)
        .get("/api/v1/repositories/" + enc(OTHER_REPO))
        .then()
        .statusCode(200)
        .body("project", is("other"))
        .body("connectionState.status", is("Successful"))
        .body(not(containsString("BEGIN KEY")));
    as(admin)
        .urlEncodingEnabled(false)
        .get("/api/v1/repositories/" + enc("https://nowhere.test/x.git"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aRepositoryCreatedFromYamlKeepsItsPasswordButNeverShowsIt() throws Exception {
    String admin = tokenFor("admin");
    String yaml =
        """
        repo: https://example.test/private.git
        type: git
        username: bot
        password: hunter2
        insecure: false
        """;
    as(admin)
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/repositories")
        .then()
        .statusCode(200)
        .body("repo", is("https://example.test/private.git"))
        .body(not(containsString("hunter2")));
    assertThat(
            APP_CONTROLLER
                .storedRepository("https://example.test/private.git")
                .path("password")
                .asText())
        .isEqualTo("hunter2");
    String asYaml =
        as(admin)
            .accept("application/yaml")
            .urlEncodingEnabled(false)
            .get("/api/v1/repositories/" + enc("https://example.test/private.git"))
            .then()
            .statusCode(200)
            .contentType("application/yaml")
            .extract()
            .asString();
    assertThat(asYaml).contains("repo: https://example.test/private.git").doesNotContain("hunter2");
    as(admin)
        .urlEncodingEnabled(false)
        .delete("/api/v1/repositories/" + enc("https://example.test/private.git"))
        .then()
        .statusCode(200);
    assertThat(APP_CONTROLLER.storedRepository("https://example.test/private.git")).isNull();
  }

  @Test
  void aProjectScopedRoleSeesAndAddsOnlyItsProjectsRepositories() throws Exception {
    String scoped = tokenFor("scoped");
    as(scoped)
        .get("/api/v1/repositories")
        .then()
        .statusCode(200)
        .body("items.repo", containsInAnyOrder(OTHER_REPO));
    as(scoped)
        .urlEncodingEnabled(false)
        .get("/api/v1/repositories/" + enc(PUBLIC_REPO))
        .then()
        .statusCode(403)
        .body("detail", containsString("repositories, get, " + PUBLIC_REPO));
    as(scoped)
        .body(Map.of("repo", "https://example.test/new.git", "project", "other"))
        .post("/api/v1/repositories")
        .then()
        .statusCode(200);
    as(scoped)
        .body(Map.of("repo", "https://example.test/unscoped.git"))
        .post("/api/v1/repositories")
        .then()
        .statusCode(403)
        .body("detail", containsString("repositories, create, https://example.test/unscoped.git"));
    assertThat(APP_CONTROLLER.storedRepository("https://example.test/unscoped.git")).isNull();
    as(scoped)
        .urlEncodingEnabled(false)
        .delete("/api/v1/repositories/" + enc(PUBLIC_REPO))
        .then()
        .statusCode(403);
    assertThat(APP_CONTROLLER.storedRepository(PUBLIC_REPO)).isNotNull();
  }

  @Test
  void clustersAreListedChangedAndDeletedWithoutTheirTokens() throws Exception {
    String admin = tokenFor("admin");
    String list =
        as(admin)
            .get("/api/v1/clusters")
            .then()
            .statusCode(200)
            .body("items.server", containsInAnyOrder(IN_CLUSTER, OTHER_CLUSTER))
            .body("items.config.tlsClientConfig.insecure", containsInAnyOrder(false, false))
            .extract()
            .asString();
    assertThat(list).doesNotContain("cluster-token", "a-key", "bearerToken", "keyData");
    as(admin)
        .urlEncodingEnabled(false)
        .body(Map.of("name", "renamed"))
        .put("/api/v1/clusters/" + enc(IN_CLUSTER))
        .then()
        .statusCode(200)
        .body("name", is("renamed"))
        .body(not(containsString("cluster-token")));
    as(admin)
        .body(
            Map.of(
                "server",
                "https://new.example:6443",
                "name",
                "new",
                "config",
                Map.of("bearerToken", "new-token", "tlsClientConfig", Map.of("insecure", true))))
        .post("/api/v1/clusters")
        .then()
        .statusCode(200)
        .body("config.tlsClientConfig.insecure", is(true))
        .body(not(containsString("new-token")));
    assertThat(APP_CONTROLLER.storedCluster("https://new.example:6443").toString())
        .contains("new-token");
    as(admin)
        .urlEncodingEnabled(false)
        .delete("/api/v1/clusters/" + enc("https://new.example:6443"))
        .then()
        .statusCode(200);
    assertThat(APP_CONTROLLER.storedCluster("https://new.example:6443")).isNull();
  }

  @Test
  void clusterRbacFollowsArgosObjects() throws Exception {
    String scoped = tokenFor("scoped");
    as(scoped)
        .get("/api/v1/clusters")
        .then()
        .statusCode(200)
        .body("items.server", containsInAnyOrder(OTHER_CLUSTER));
    as(scoped)
        .urlEncodingEnabled(false)
        .body(Map.of("project", "default"))
        .put("/api/v1/clusters/" + enc(OTHER_CLUSTER))
        .then()
        .statusCode(403)
        .body("detail", containsString("clusters, update, default/" + OTHER_CLUSTER));
    String reader = tokenFor("reader");
    as(reader)
        .urlEncodingEnabled(false)
        .get("/api/v1/clusters/" + enc(IN_CLUSTER))
        .then()
        .statusCode(200);
    as(reader)
        .urlEncodingEnabled(false)
        .delete("/api/v1/clusters/" + enc(IN_CLUSTER))
        .then()
        .statusCode(403);
    assertThat(APP_CONTROLLER.requests()).noneMatch(r -> !r.startsWith("GET "));
  }

  @Test
  void applicationsTakeAndGiveYaml() throws Exception {
    String admin = tokenFor("admin");
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: from-yaml
        spec:
          project: default
          source:
            repoURL: https://example.test/r.git
            path: guestbook
          destination:
            server: https://kubernetes.default.svc
            namespace: guestbook
        """;
    as(admin)
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("spec.source.path", is("guestbook"));
    as(admin)
        .accept("application/yaml")
        .get("/api/v1/applications/from-yaml")
        .then()
        .statusCode(200)
        .contentType("application/yaml")
        .body(containsString("name: from-yaml"));
    as(admin)
        .contentType("application/yaml")
        .body("metadata:\n  name: bad\n spec: [\n".getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("line 3, column"));
  }
}
