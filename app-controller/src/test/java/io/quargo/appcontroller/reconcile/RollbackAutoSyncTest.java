package io.quargo.appcontroller.reconcile;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rollback of an app with automated sync (sandbox cluster, a simulation; real Git, Kafka,
 * PostgreSQL): by default it turns automated sync off, as Argo CD; with {@code keepAutoSync} the
 * app stays automated, pinned to the rolled-back revision until a new commit arrives.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class RollbackAutoSyncTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  GitServer git;

  @Inject KubernetesClient client;

  @Test
  void aRollbackTurnsAutomatedSyncOffByDefault() {
    String repo = guestbookRepo(git);
    String name = unique("rb-off");
    String namespace = unique("rb-off");
    String first = git.resolve(repo, "main");
    twoAutomatedSyncs(repo, name, namespace);

    rollback(name, "{\"id\":0}", "");

    await().atMost(LONG).until(() -> get(name).at("/status/history").size() == 3);
    JsonNode app = get(name);
    assertThat(app.at("/status/history/2/revision").asText()).isEqualTo(first);
    assertThat(app.at("/spec/syncPolicy/automated").isMissingNode())
        .as("automated sync is off after a plain rollback: " + app.at("/spec/syncPolicy"))
        .isTrue();
    assertThat(app.at("/status/" + RollbackPin.FIELD).isMissingNode()).isTrue();
    assertThat(replicas(namespace)).isEqualTo(1);
  }

  @Test
  void keepAutoSyncPinsTheRolledBackRevisionUntilANewCommitArrives() {
    String repo = guestbookRepo(git);
    String name = unique("rb-keep");
    String namespace = unique("rb-keep");
    String first = git.resolve(repo, "main");
    String second = twoAutomatedSyncs(repo, name, namespace);

    rollback(name, "{\"id\":0}", "?keepAutoSync=true");

    await().atMost(LONG).until(() -> get(name).at("/status/history").size() == 3);
    JsonNode app = get(name);
    assertThat(app.at("/status/history/2/revision").asText()).isEqualTo(first);
    assertThat(app.at("/spec/syncPolicy/automated/prune").asBoolean()).isTrue();
    assertThat(app.at("/status/" + RollbackPin.FIELD + "/revision").asText()).isEqualTo(first);
    assertThat(app.at("/status/" + RollbackPin.FIELD + "/head").asText()).isEqualTo(second);
    // reconciles against the unchanged head do not undo the rollback
    for (int i = 0; i < 3; i++) {
      given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    }
    app = get(name);
    assertThat(app.at("/status/sync/status").asText()).isEqualTo("OutOfSync");
    assertThat(app.at("/status/history")).hasSize(3);
    assertThat(replicas(namespace)).isEqualTo(1);

    String third =
        git.commit(
            repo,
            Map.of("guestbook/guestbook-ui-deployment.yaml", AppFixtures.DEPLOYMENT.formatted(3)),
            "three replicas");
    given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              JsonNode now = get(name);
              assertThat(now.at("/status/history")).hasSize(4);
              assertThat(now.at("/status/history/3/revision").asText()).isEqualTo(third);
              assertThat(now.at("/status/sync/status").asText()).isEqualTo("Synced");
              assertThat(now.at("/status/" + RollbackPin.FIELD).isMissingNode()).isTrue();
            });
    assertThat(replicas(namespace)).isEqualTo(3);
  }

  @Test
  void keepAutoSyncInTheBodyWorksToo() {
    String repo = guestbookRepo(git);
    String name = unique("rb-body");
    String namespace = unique("rb-body");
    String first = git.resolve(repo, "main");
    twoAutomatedSyncs(repo, name, namespace);

    rollback(name, "{\"id\":0,\"keepAutoSync\":true}", "");

    await().atMost(LONG).until(() -> get(name).at("/status/history").size() == 3);
    JsonNode app = get(name);
    assertThat(app.at("/spec/syncPolicy/automated").isObject()).isTrue();
    assertThat(app.at("/status/" + RollbackPin.FIELD + "/revision").asText()).isEqualTo(first);
  }

  /** An automated app synced at the repo's first commit, then at a second; returns the second. */
  private String twoAutomatedSyncs(String repo, String name, String namespace) {
    ObjectNode app = guestbookApp(name, git.url(repo), namespace);
    ((ObjectNode) app.at("/spec/syncPolicy")).putObject("automated").put("prune", true);
    create(app);
    await().atMost(LONG).until(() -> get(name).at("/status/history").size() == 1 && synced(name));
    String second =
        git.commit(
            repo,
            Map.of("guestbook/guestbook-ui-deployment.yaml", AppFixtures.DEPLOYMENT.formatted(2)),
            "two replicas");
    given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    await().atMost(LONG).until(() -> get(name).at("/status/history").size() == 2 && synced(name));
    assertThat(replicas(namespace)).isEqualTo(2);
    return second;
  }

  private static boolean synced(String name) {
    return "Synced".equals(syncStatus(name))
        && !"Running".equals(get(name).at("/status/operationState/phase").asText());
  }

  private static void rollback(String name, String body, String query) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/applications/" + name + "/rollback" + query)
        .then()
        .statusCode(200);
  }

  private int replicas(String namespace) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("guestbook-ui")
        .get()
        .getSpec()
        .getReplicas();
  }
}
