package io.quargo.appcontroller.reconcile;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.health;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.application.AppFixtures;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.appcontroller.kube.TrackedObjects;
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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.dependsOn} end to end (sandbox cluster, a simulation; real Git, Kafka, PostgreSQL): a
 * sync waits, with a DependencyNotReady condition, while a dependency is not Synced and Healthy,
 * and runs by itself once it is; a missing dependency and a cycle show as conditions.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class DependsOnTest {

  private static final Duration LONG = Duration.ofSeconds(60);
  private static final String FAILING =
      AppFixtures.DEPLOYMENT
          .formatted(1)
          .replace(
              "      labels:\n        app: guestbook-ui\n    spec:",
              "      labels:\n        app: guestbook-ui\n"
                  + "      annotations:\n        sandbox.quargo.io/fail: ImagePullBackOff\n"
                  + "    spec:");

  GitServer git;

  @Inject KubernetesClient client;

  @Test
  void aSyncWaitsUntilItsDependencyIsHealthyThenRunsByItself() {
    assertThat(FAILING).contains("sandbox.quargo.io/fail");
    String repoA = git.createUniqueRepo("dep-a");
    git.commit(repoA, Map.of("guestbook/guestbook-ui-deployment.yaml", FAILING), "failing pods");
    String a = unique("dep-a");
    String nsA = unique("dep-a");
    client.namespaces().resource(namespace(nsA)).create();
    create(guestbookApp(a, git.url(repoA), nsA));
    // A's objects are live already (as Git has them) but its pods cannot pull their image
    var live =
        client
            .apps()
            .deployments()
            .load(new ByteArrayInputStream(FAILING.getBytes(StandardCharsets.UTF_8)))
            .item();
    live.getMetadata().setLabels(Map.of(TrackedObjects.INSTANCE_LABEL, a));
    // as kubectl apply leaves it, so the fix from Git removes the failing annotation
    live.getMetadata()
        .setAnnotations(
            Map.of("kubectl.kubernetes.io/last-applied-configuration", Json.toJson(live)));
    client.apps().deployments().inNamespace(nsA).resource(live).create();
    await()
        .atMost(LONG)
        .until(
            () -> {
              given().post("/api/v1/applications/" + a + "/refresh").then().statusCode(200);
              return "Synced".equals(syncStatus(a)) && "Progressing".equals(health(a));
            });

    String b = unique("dep-b");
    String nsB = unique("dep-b");
    ObjectNode appB = guestbookApp(b, git.url(guestbookRepo(git)), nsB);
    ((ObjectNode) appB.get("spec")).putArray("dependsOn").add(a);
    create(appB);
    sync(b);

    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              JsonNode app = get(b);
              assertThat(app.at("/status/conditions").toString())
                  .contains(AppDependencies.NOT_READY)
                  .contains("dependency " + a + " is Synced/Progressing");
              assertThat(app.at("/status/operationState/phase").asText()).isEqualTo("Running");
              assertThat(app.at("/status/operationState/message").asText())
                  .startsWith("waiting for dependencies");
            });
    assertThat(client.apps().deployments().inNamespace(nsB).withName("guestbook-ui").get())
        .as("B's objects are not applied while A is Progressing")
        .isNull();

    git.commit(
        repoA,
        Map.of("guestbook/guestbook-ui-deployment.yaml", AppFixtures.DEPLOYMENT.formatted(1)),
        "pods that start");
    given().post("/api/v1/applications/" + a + "/refresh").then().statusCode(200);
    sync(a);
    await().atMost(LONG).until(() -> "Synced".equals(syncStatus(a)) && "Healthy".equals(health(a)));

    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              JsonNode app = get(b);
              assertThat(app.at("/status/operationState/phase").asText()).isEqualTo("Succeeded");
              assertThat(app.at("/status/sync/status").asText()).isEqualTo("Synced");
              assertThat(app.at("/status/conditions").toString())
                  .doesNotContain(AppDependencies.NOT_READY);
            });
    assertThat(client.apps().deployments().inNamespace(nsB).withName("guestbook-ui").get())
        .isNotNull();
  }

  @Test
  void aMissingDependencyIsNamedAndACycleRefusesTheSync() {
    String repo = guestbookRepo(git);
    String lonely = unique("dep-lonely");
    ObjectNode app = guestbookApp(lonely, git.url(repo), unique("dep-l"));
    ((ObjectNode) app.get("spec")).putArray("dependsOn").add("no-such-app");
    create(app);
    sync(lonely);
    await()
        .atMost(LONG)
        .untilAsserted(
            () ->
                assertThat(get(lonely).at("/status/conditions").toString())
                    .contains(AppDependencies.NOT_READY)
                    .contains("dependency no-such-app not found"));

    String d = unique("dep-d");
    String e = unique("dep-e");
    ObjectNode appD = guestbookApp(d, git.url(repo), unique("dep-d"));
    ((ObjectNode) appD.get("spec")).putArray("dependsOn").add(e);
    ObjectNode appE = guestbookApp(e, git.url(repo), unique("dep-e"));
    ((ObjectNode) appE.get("spec")).putArray("dependsOn").add(d);
    create(appD);
    create(appE);
    sync(d);
    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              JsonNode stored = get(d);
              assertThat(stored.at("/status/operationState/phase").asText()).isEqualTo("Failed");
              assertThat(stored.at("/status/conditions").toString())
                  .contains(AppDependencies.CYCLE)
                  .contains(d + " -> " + e + " -> " + d);
            });
  }

  private static void sync(String name) {
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
    return new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .build();
  }
}
