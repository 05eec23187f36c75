package io.quargo.appcontroller.replicas;

import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.appcontroller.messaging.PartitionOwnership;
import io.quargo.appcontroller.reconcile.AppKey;
import io.quargo.common.events.AppCommand;
import io.quargo.common.events.CloudEvents;
import io.quargo.common.events.Topics;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.kafka.TestKafka;
import io.quargo.testkit.postgres.TestPostgres;
import io.quargo.testkit.sandbox.TestSandbox;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * app-controller replicas as separate JVMs (the built runner jar) on one Kafka and one PostgreSQL:
 * the command topic's partitions are split between them, each app's sync command is executed by the
 * one replica that owns the app's partition and only once, and when a replica stops the survivor
 * takes all partitions and reconciles every app. A replica killed in the middle of a long sync
 * leaves no operation Running: after a restart it is marked Failed, saying why.
 */
class ControllerReplicasIT {

  private static final int PARTITIONS = 4;
  private static final String NS = "argocd";

  private static final RepoServerStub REPO_SERVER = new RepoServerStub();
  private static final Map<String, String> CONFIG = new HashMap<>();
  private static final List<ControllerProcess> STARTED = new ArrayList<>();
  private static GitServer git;

  @BeforeAll
  static void sharedInfrastructure() throws Exception {
    assertThat(ControllerProcess.jar())
        .as("the runner jar, built by the package phase before failsafe runs this test")
        .exists();
    git = GitServer.shared();
    CONFIG.putAll(TestKafka.quarkusConfig());
    CONFIG.putAll(TestPostgres.quarkusConfig());
    CONFIG.putAll(TestSandbox.quarkusConfig());
    CONFIG.putAll(REPO_SERVER.start());
    CONFIG.put("quargo.reconcile.resync-period", "2s");
    CONFIG.put("quargo.reconcile.resync-jitter", "1s");
    CONFIG.put("quargo.reconcile.resync-check", "1s");
    CONFIG.put("quargo.reconcile.abandoned-after", "6s");
    CONFIG.put("quarkus.log.category.\"io.quargo\".level", "INFO");
    Properties p = new Properties();
    p.put("bootstrap.servers", TestKafka.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      admin
          .createTopics(List.of(new NewTopic(Topics.APP_COMMANDS, PARTITIONS, (short) 1)))
          .all()
          .get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  @AfterAll
  static void stopAll() {
    STARTED.forEach(ControllerProcess::close);
    REPO_SERVER.stop();
  }

  @Test
  void eachAppIsWorkedOnByOneReplicaAndTheSurvivorTakesAllOver() {
    ControllerProcess a = start("a");
    ControllerProcess b = start("b");
    await("both replicas own partitions, none twice")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<Integer> pa = a.partitions();
              List<Integer> pb = b.partitions();
              // pb first: doesNotContainAnyElementsOf refuses an empty list with an
              // IllegalArgumentException, which Awaitility does not retry
              assertThat(pb).isNotEmpty();
              assertThat(pa).isNotEmpty().doesNotContainAnyElementsOf(pb);
              assertThat(pa.size() + pb.size()).isEqualTo(PARTITIONS);
            });
    List<Integer> ofA = a.partitions();

    String repo = git.url(guestbookRepo(git));
    List<String> apps = appsOnBothReplicas(ofA, 8);
    for (String app : apps) {
      ObjectNode body = guestbookApp(app, repo, "shard-" + app);
      assertThat(a.send("POST", "/api/v1/applications", body.toString())).isEqualTo(200);
    }
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (String app : apps) {
        producer.send(
            CloudEvents.producerRecord(
                Topics.APP_COMMANDS,
                new AppCommand.Sync(
                    NS,
                    app,
                    null,
                    false,
                    false,
                    List.of(),
                    List.of(),
                    UUID.randomUUID().toString(),
                    "test",
                    Instant.now()),
                "test"));
      }
    }

    await("every app synced")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              for (String app : apps) {
                JsonNode got = a.get("/api/v1/applications/" + app);
                assertThat(got.at("/status/operationState/phase").asText())
                    .as(app)
                    .isEqualTo("Succeeded");
                assertThat(got.at("/status/sync/status").asText()).as(app).isEqualTo("Synced");
              }
            });
    for (String app : apps) {
      JsonNode got = a.get("/api/v1/applications/" + app);
      assertThat(got.at("/status/history")).as("one sync of " + app + ", not two").hasSize(1);
      boolean onA = ofA.contains(partition(app));
      assertThat(syncCommands(a, app)).as(app + " on a").isEqualTo(onA ? 1 : 0);
      assertThat(syncCommands(b, app)).as(app + " on b").isEqualTo(onA ? 0 : 1);
    }

    b.stop();
    Instant stopped = Instant.now();
    await("the survivor owns every partition")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> a.partitions().size() == PARTITIONS);
    await("the survivor reconciles every app, b's too")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              for (String app : apps) {
                String at =
                    a.get("/api/v1/applications/" + app).at("/status/reconciledAt").asText();
                assertThat(Instant.parse(at)).as(app).isAfter(stopped);
              }
            });
    a.stop();
  }

  @Test
  void aControllerKilledMidSyncLeavesNoOperationRunning() throws Exception {
    ControllerProcess first = start("crashing");
    await().atMost(Duration.ofSeconds(120)).until(() -> !first.partitions().isEmpty());
    String repo = git.createUniqueRepo("stuck-hook");
    git.commit(repo, Map.of("app/stuck.yaml", STUCK_POST_SYNC), "a PostSync hook that never ends");
    String app = unique("midsync");
    ObjectNode body = guestbookApp(app, git.url(repo), unique("midsync"));
    ((ObjectNode) body.path("spec").path("source")).put("path", "app");
    assertThat(first.send("POST", "/api/v1/applications", body.toString())).isEqualTo(200);
    assertThat(first.send("POST", "/api/v1/applications/" + app + "/sync", "{}")).isEqualTo(200);
    await("the sync waits on its PostSync hook")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                TestSandbox.cluster()
                    .client()
                    .batch()
                    .v1()
                    .jobs()
                    .inAnyNamespace()
                    .list()
                    .getItems()
                    .stream()
                    .anyMatch(j -> j.getMetadata().getName().startsWith("smoke-")));
    assertThat(first.get("/api/v1/applications/" + app).at("/status/operationState/phase").asText())
        .isEqualTo("Running");

    first.kill();
    ControllerProcess second = start("restarted");

    await("the restarted controller ends the abandoned operation")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode state =
                  second.get("/api/v1/applications/" + app).at("/status/operationState");
              assertThat(state.path("phase").asText()).isEqualTo("Failed");
              assertThat(state.path("message").asText())
                  .contains("the controller running this operation stopped");
              assertThat(state.path("finishedAt").asText()).isNotEmpty();
            });
    second.stop();
  }

  private static final String STUCK_POST_SYNC =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        mode: "on"
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        generateName: smoke-
        annotations:
          argocd.argoproj.io/hook: PostSync
      spec:
        template:
          metadata:
            annotations:
              sandbox.quargo.io/fail: ImagePullBackOff
          spec:
            restartPolicy: Never
            containers:
              - name: smoke
                image: example/smoke:never
      """;

  private static ControllerProcess start(String name) {
    ControllerProcess process = ControllerProcess.start(name, CONFIG);
    STARTED.add(process);
    await(name + " answers")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              assertThat(process.alive()).as(process + " exited:\n" + tail(process)).isTrue();
              return process.get("/api/v1/controller/shard") != null;
            });
    return process;
  }

  /** {@code count} new app names, at least two of them on each replica's partitions. */
  private static List<String> appsOnBothReplicas(List<Integer> ofA, int count) {
    List<String> names = new ArrayList<>();
    int onA = 0;
    int onB = 0;
    while (names.size() < count) {
      String name = unique("shard");
      boolean a = ofA.contains(partition(name));
      if ((a && onA >= count - 2) || (!a && onB >= count - 2)) {
        continue;
      }
      names.add(name);
      onA += a ? 1 : 0;
      onB += a ? 0 : 1;
    }
    return names;
  }

  private static int partition(String app) {
    return PartitionOwnership.partition(new AppKey(NS, app), PARTITIONS);
  }

  /** How many sync commands for {@code app} the replica's log shows it consumed. */
  private static long syncCommands(ControllerProcess replica, String app) {
    Pattern line =
        Pattern.compile(
            Pattern.quote(AppCommand.Sync.TYPE + " for " + NS + "/" + app + " from partition"));
    return replica.logText().lines().filter(l -> line.matcher(l).find()).count();
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put("bootstrap.servers", TestKafka.bootstrapServers());
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private static String tail(ControllerProcess process) {
    try {
      List<String> lines = Files.readAllLines(process.log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (Exception e) {
      return "(no log)";
    }
  }
}
