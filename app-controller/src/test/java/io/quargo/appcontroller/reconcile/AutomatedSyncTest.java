package io.quargo.appcontroller.reconcile;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Automated sync: a failed attempt of a revision is not retried in a loop; a new commit is. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class AutomatedSyncTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        mode: demo
      """;

  private static final String UNSERVED =
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: not-served-here
      """;

  GitServer git;

  @Test
  void aFailedAutomatedSyncIsNotRepeatedUntilANewRevision() {
    String repo = git.createUniqueRepo("auto");
    git.commit(repo, Map.of("app/cm.yaml", CONFIG_MAP, "app/widget.yaml", UNSERVED), "broken");
    String name = unique("auto");
    ObjectNode app = guestbookApp(name, git.url(repo), unique("auto"));
    ((ObjectNode) app.at("/spec/source")).put("path", "app");
    ((ObjectNode) app.at("/spec/syncPolicy")).putObject("automated").put("prune", true);

    create(app);
    await()
        .atMost(LONG)
        .until(
            () ->
                List.of("Failed", "Error")
                    .contains(get(name).at("/status/operationState/phase").asText()));
    String startedAt = get(name).at("/status/operationState/startedAt").asText();

    given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> startedAt.equals(get(name).at("/status/operationState/startedAt").asText()));
    assertThat(syncStatus(name)).isEqualTo("OutOfSync");

    git.delete(repo, "main", List.of("app/widget.yaml"), "fixed");
    given().post("/api/v1/applications/" + name + "/refresh").then().statusCode(200);

    await()
        .atMost(LONG)
        .until(
            () ->
                "Synced".equals(syncStatus(name))
                    && "Succeeded".equals(get(name).at("/status/operationState/phase").asText()));
    assertThat(get(name).at("/status/history")).hasSize(1);
  }
}
