package io.quargo.appcontroller.reconcile;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.health;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.common.json.Json;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's multi-source apps: {@code spec.sources[]} rendered and concatenated, a {@code ref}
 * source's file at its own targetRevision used as a {@code $ref/...} Helm value file, and one
 * revision per source in {@code status.sync.revisions}. Sources live in the test Git server;
 * repo-server is {@link RepoServerStub}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class MultiSourceTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  GitServer git;

  @Inject KubernetesClient client;

  @Test
  void twoSourcesAreOneAppAndARefSourceGivesValuesAtItsRevision() {
    String guestbook = guestbookRepo(git);
    String extras = git.createUniqueRepo("extras");
    git.commit(
        extras,
        Map.of(
            "extra/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra-settings\ndata:\n  k: v\n"),
        "extra");
    String values = git.createUniqueRepo("values");
    String pinned =
        git.commit(values, Map.of("env/values.yaml", "replicas: 3\nimage:\n  tag: v1\n"), "3");
    git.commit(values, Map.of("env/values.yaml", "replicas: 5\n"), "5 (not pinned)");

    String name = unique("multi");
    String namespace = unique("ms");
    ObjectNode app = Json.mapper().createObjectNode();
    app.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Application");
    app.putObject("metadata").put("name", name);
    ObjectNode spec = app.putObject("spec").put("project", "default");
    ArrayNode sources = spec.putArray("sources");
    ObjectNode first =
        sources
            .addObject()
            .put("repoURL", git.url(guestbook))
            .put("targetRevision", "main")
            .put("path", "guestbook");
    ObjectNode helm = first.putObject("helm");
    helm.putArray("valueFiles").add("$values/env/values.yaml");
    helm.putObject("valuesObject").putObject("image").put("pullPolicy", "Always");
    sources
        .addObject()
        .put("repoURL", git.url(values))
        .put("targetRevision", pinned)
        .put("ref", "values");
    sources
        .addObject()
        .put("repoURL", git.url(extras))
        .put("targetRevision", "main")
        .put("path", "extra");
    spec.putObject("destination")
        .put("server", "https://kubernetes.default.svc")
        .put("namespace", namespace);
    spec.putObject("syncPolicy").putArray("syncOptions").add("CreateNamespace=true");
    create(app);

    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    JsonNode status = get(name).path("status");
    assertThat(kinds(status.path("resources")))
        .containsExactlyInAnyOrder("Deployment", "Service", "ConfigMap");
    assertThat(status.at("/sync/revisions"))
        .extracting(JsonNode::asText)
        .containsExactly(git.resolve(guestbook, "main"), pinned, git.resolve(extras, "main"));

    JsonNode sent = RepoServerStub.lastRequest(name, "guestbook");
    assertThat(sent.at("/helm/valuesObject/replicas").asInt()).isEqualTo(3);
    assertThat(sent.at("/helm/valuesObject/image/tag").asText()).isEqualTo("v1");
    assertThat(sent.at("/helm/valuesObject/image/pullPolicy").asText()).isEqualTo("Always");
    assertThat(sent.at("/helm/valueFiles").isMissingNode() || sent.at("/helm/valueFiles").isNull())
        .as("$ref files are resolved before repo-server sees them: " + sent.at("/helm"))
        .isTrue();

    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
    await()
        .atMost(LONG)
        .until(() -> "Synced".equals(syncStatus(name)) && "Healthy".equals(health(name)));
    assertThat(client.configMaps().inNamespace(namespace).withName("extra-settings").get())
        .isNotNull();
    assertThat(client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get())
        .isNotNull();
  }

  @Test
  void aRefNoSourceDeclaresIsAComparisonErrorNamingIt() {
    String guestbook = guestbookRepo(git);
    String name = unique("badref");
    ObjectNode app = Json.mapper().createObjectNode();
    app.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Application");
    app.putObject("metadata").put("name", name);
    ObjectNode spec = app.putObject("spec").put("project", "default");
    ObjectNode source =
        spec.putArray("sources")
            .addObject()
            .put("repoURL", git.url(guestbook))
            .put("targetRevision", "main")
            .put("path", "guestbook");
    source.putObject("helm").putArray("valueFiles").add("$nowhere/values.yaml");
    spec.putObject("destination")
        .put("server", "https://kubernetes.default.svc")
        .put("namespace", unique("ns"));
    create(app);
    await()
        .atMost(LONG)
        .until(() -> get(name).at("/status/conditions").toString().contains("$nowhere"));
  }

  private static List<String> kinds(JsonNode resources) {
    List<String> kinds = new ArrayList<>();
    resources.forEach(r -> kinds.add(r.path("kind").asText()));
    return kinds;
  }
}
