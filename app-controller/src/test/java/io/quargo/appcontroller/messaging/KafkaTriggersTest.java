package io.quargo.appcontroller.messaging;

import static io.quargo.appcontroller.application.AppFixtures.DEPLOYMENT;
import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.quargo.appcontroller.client.RepoServerStub.renders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.common.events.AppCommand;
import io.quargo.common.events.CloudEvents;
import io.quargo.common.events.RepoRevisionChanged;
import io.quargo.common.events.Topics;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Reconcile triggers over Kafka: revision events (only apps following the moved ref), refresh
 * commands, idempotent sync commands, and poison messages sent to the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class KafkaTriggersTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  GitServer git;

  @Test
  void aRevisionEventReconcilesOnlyTheAppsOfThatRepository() {
    String repo = guestbookRepo(git);
    String other = guestbookRepo(git);
    String name = unique("rev");
    create(guestbookApp(name, git.url(repo), unique("rev")));
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    String old = git.resolve(repo, "main");
    String moved =
        git.commit(
            repo,
            Map.of("guestbook/guestbook-ui-deployment.yaml", DEPLOYMENT.formatted(2)),
            "two replicas");
    int before = settledRenders(name);

    KafkaTestClients.send(Topics.REPO_REVISIONS, revision(git.url(other), "x", "y", List.of()));
    KafkaTestClients.send(
        Topics.REPO_REVISIONS,
        revision(git.url(repo), old, moved, List.of("guestbook/guestbook-ui-deployment.yaml")));

    await().atMost(LONG).until(() -> moved.equals(get(name).at("/status/sync/revision").asText()));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> renders(name) == before + 1);
  }

  @Test
  void aRevisionEventOutsideTheAppsPathMovesTheRevisionWithoutRendering() {
    String repo = guestbookRepo(git);
    String name = unique("paths");
    create(guestbookApp(name, git.url(repo), unique("paths")));
    String old = git.resolve(repo, "main");
    await().atMost(LONG).until(() -> old.equals(get(name).at("/status/sync/revision").asText()));
    // settle first: a reconcile still running when the commit lands would resolve the new commit
    // and render, and be taken for the trigger's
    int before = settledRenders(name);
    String moved = git.commit(repo, Map.of("README.md", "docs only"), "docs");

    KafkaTestClients.send(
        Topics.REPO_REVISIONS, revision(git.url(repo), old, moved, List.of("README.md")));

    await().atMost(LONG).until(() -> moved.equals(get(name).at("/status/sync/revision").asText()));
    assertThat(renders(name)).isEqualTo(before);
  }

  @Test
  void aRefreshCommandReconciles() {
    String repo = guestbookRepo(git);
    String name = unique("refresh");
    create(guestbookApp(name, git.url(repo), unique("refresh")));
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    int before = settledRenders(name);

    KafkaTestClients.send(Topics.APP_COMMANDS, refresh(name));

    await().atMost(LONG).until(() -> renders(name) > before);
  }

  @Test
  void aSyncCommandSentTwiceWithOneOperationIdRunsOnce() {
    String repo = guestbookRepo(git);
    String name = unique("once");
    create(guestbookApp(name, git.url(repo), unique("once")));
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    AppCommand.Sync sync =
        new AppCommand.Sync(
            "argocd",
            name,
            null,
            false,
            false,
            List.of(),
            List.of(),
            UUID.randomUUID().toString(),
            "test",
            Instant.now());

    KafkaTestClients.send(Topics.APP_COMMANDS, sync);
    KafkaTestClients.send(Topics.APP_COMMANDS, sync);

    await().atMost(LONG).until(() -> "Synced".equals(syncStatus(name)));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> get(name).at("/status/history").size() == 1);
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
    String repo = guestbookRepo(git);
    String name = unique("poison");
    create(guestbookApp(name, git.url(repo), unique("poison")));
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));
    int before = settledRenders(name);
    KafkaConsumer<String, byte[]> dlq = KafkaTestClients.consumer(Topics.dlq(Topics.APP_COMMANDS));
    String poisonKey = "argocd/" + unique("poison-message");
    ProducerRecord<String, byte[]> poison =
        new ProducerRecord<>(
            Topics.APP_COMMANDS, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8));
    poison.headers().add(CloudEvents.TYPE, "io.quargo.nothing.v1".getBytes(StandardCharsets.UTF_8));

    KafkaTestClients.send(poison);
    KafkaTestClients.send(Topics.APP_COMMANDS, refresh(name));

    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    await()
        .atMost(LONG)
        .until(
            () ->
                KafkaTestClients.poll(dlq, seen).stream().anyMatch(r -> poisonKey.equals(r.key())));
    dlq.close();
    await().atMost(LONG).until(() -> renders(name) > before);
  }

  private static AppCommand.Refresh refresh(String name) {
    return new AppCommand.Refresh(
        "argocd", name, false, UUID.randomUUID().toString(), "test", Instant.now());
  }

  private static RepoRevisionChanged revision(
      String url, String old, String moved, List<String> paths) {
    return new RepoRevisionChanged(url, "refs/heads/main", old, moved, paths, Instant.now());
  }

  /**
   * The app's render count once no reconcile is in flight (unchanged for a second), so that a count
   * taken before a trigger is not overtaken by the app's own earlier reconciles.
   */
  private static int settledRenders(String name) {
    java.util.concurrent.atomic.AtomicInteger last =
        new java.util.concurrent.atomic.AtomicInteger(renders(name));
    await()
        .atMost(LONG)
        .during(Duration.ofSeconds(1))
        .until(() -> last.getAndSet(renders(name)) == last.get());
    return last.get();
  }
}
