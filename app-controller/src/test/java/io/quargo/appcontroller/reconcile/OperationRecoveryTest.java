package io.quargo.appcontroller.reconcile;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.common.model.application.OperationState;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A sync left Running by a controller that died (no heartbeat) is marked Failed with a message
 * saying so, never left silently half-done.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class OperationRecoveryTest {

  GitServer git;

  @Inject ApplicationRepository apps;

  @Test
  void anOperationWithoutHeartbeatIsMarkedFailed() {
    String name = unique("dead");
    create(guestbookApp(name, git.url(guestbookRepo(git)), unique("dead")));
    await().atMost(Duration.ofSeconds(60)).until(() -> "OutOfSync".equals(syncStatus(name)));

    apps.mutate(
        "argocd",
        name,
        app -> {
          OperationState state = new OperationState();
          state.setPhase("Running");
          state.setMessage("applying wave 0");
          state.setStartedAt("2026-01-01T00:00:00Z");
          Apps.status(app).setOperationState(state);
        });

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode state = get(name).at("/status/operationState");
              assertThat(state.path("phase").asText()).isEqualTo("Failed");
              assertThat(state.path("message").asText())
                  .contains("the controller running this operation stopped");
              assertThat(state.path("finishedAt").asText()).isNotEmpty();
            });
  }
}
