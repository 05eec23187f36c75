package io.quargo.reposerver.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quargo.common.events.CloudEvents;
import io.quargo.common.events.QuargoEvent;
import io.quargo.common.events.RepoRevisionChanged;
import io.quargo.common.events.Topics;
import io.quargo.common.events.kafka.EventDeserializer;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.kafka.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Change detection end to end: a real git daemon, repo-server watching the repositories whose
 * manifests were requested, and a real Kafka broker read with a plain consumer.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ChangeDetectionTest {

  static final String GITHUB_SECRET = "test-github-secret";
  static final String GITLAB_TOKEN = "test-gitlab-token";

  static KafkaConsumer<String, QuargoEvent> consumer;
  static final List<ConsumerRecord<String, QuargoEvent>> seen = new CopyOnWriteArrayList<>();

  @Inject RepoPoller poller;

  final GitServer git = GitServer.shared();

  @BeforeAll
  static void consume() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "change-detection-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new EventDeserializer());
    consumer.subscribe(List.of(Topics.REPO_REVISIONS));
  }

  @AfterAll
  static void close() {
    consumer.close();
  }

  @Test
  void aPollAfterACommitPublishesOldAndNewShaWithTheChangedPaths() {
    String repo = watchedRepo("poll");
    String url = git.url(repo);
    String before = git.resolve(repo, "main");
    String after =
        git.commit(
            repo,
            Map.of("app/cm.yaml", cm("changed"), "app/new.yaml", cm("new")),
            "change the app");

    List<RepoRevisionChanged> published = poller.pollAll();

    assertThat(published).extracting(RepoRevisionChanged::newSha).contains(after);
    ConsumerRecord<String, QuargoEvent> record = awaitEvent(url, after);
    RepoRevisionChanged event = (RepoRevisionChanged) record.value();
    assertThat(record.key()).isEqualTo(url);
    assertThat(CloudEvents.read(record.headers()).type()).isEqualTo(RepoRevisionChanged.TYPE);
    assertThat(CloudEvents.read(record.headers()).source()).isEqualTo("/quargo/repo-server");
    assertThat(event.ref()).isEqualTo("refs/heads/main");
    assertThat(event.oldSha()).isEqualTo(before);
    assertThat(event.changedPaths()).containsExactly("app/cm.yaml", "app/new.yaml");
    assertThat(poller.pollAll()).extracting(RepoRevisionChanged::repoUrl).doesNotContain(url);
  }

  @Test
  void aGithubPushWithAValidSignaturePublishesAndABadOneIs401AndPublishesNothing() {
    String repo = watchedRepo("github");
    String url = git.url(repo);
    String before = git.resolve(repo, "main");
    String after = git.commit(repo, Map.of("other/x.yaml", cm("x")), "elsewhere");
    byte[] body = githubPush(url, before, after);

    given()
        .contentType(ContentType.JSON)
        .header("X-GitHub-Event", "push")
        .header("X-Hub-Signature-256", "sha256=" + GitWebhooks.hmacSha256("wrong", body))
        .body(body)
        .post("/api/webhook")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");

    given()
        .contentType(ContentType.JSON)
        .header("X-GitHub-Event", "push")
        .header("X-Hub-Signature-256", "sha256=" + GitWebhooks.hmacSha256(GITHUB_SECRET, body))
        .body(body)
        .post("/api/webhook")
        .then()
        .statusCode(200)
        .body("provider", equalTo("github"))
        .body("events", equalTo(1));

    RepoRevisionChanged event = (RepoRevisionChanged) awaitEvent(url, after).value();
    assertThat(event.oldSha()).isEqualTo(before);
    assertThat(event.changedPaths()).containsExactly("other/x.yaml");
    assertThat(seen.stream().filter(r -> isEvent(r, url, after))).hasSize(1);
  }

  @Test
  void aGitlabPushNeedsItsToken() {
    String repo = watchedRepo("gitlab");
    String url = git.url(repo);
    String before = git.resolve(repo, "main");
    String after = git.commit(repo, Map.of("app/cm.yaml", cm("gl")), "gitlab push");
    String body =
        """
        {"object_kind": "push", "ref": "refs/heads/main", "before": "%s", "after": "%s",
         "project": {"web_url": "%s", "git_http_url": "%s"}}
        """
            .formatted(before, after, url.replaceFirst("\\.git$", ""), url);

    gitlab(body, "wrong").statusCode(401);
    gitlab(body, GITLAB_TOKEN).statusCode(200).body("events", equalTo(1));

    RepoRevisionChanged event = (RepoRevisionChanged) awaitEvent(url, after).value();
    assertThat(event.changedPaths()).containsExactly("app/cm.yaml");
  }

  @Test
  void aPushForARepositoryNobodyWatchesIsAcceptedAndPublishesNothing() {
    byte[] body =
        githubPush(
            "https://github.com/nobody/unknown.git",
            "0000000000000000000000000000000000000000",
            "1111111111111111111111111111111111111111");
    given()
        .contentType(ContentType.JSON)
        .header("X-GitHub-Event", "push")
        .header("X-Hub-Signature-256", "sha256=" + GitWebhooks.hmacSha256(GITHUB_SECRET, body))
        .body(body)
        .post("/api/webhook")
        .then()
        .statusCode(200)
        .body("repositories.size()", equalTo(0))
        .body("events", equalTo(0));
  }

  @Test
  void aGithubPingIsAcknowledged() {
    byte[] body = "{\"zen\": \"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
    given()
        .contentType(ContentType.JSON)
        .header("X-GitHub-Event", "ping")
        .header("X-Hub-Signature-256", "sha256=" + GitWebhooks.hmacSha256(GITHUB_SECRET, body))
        .body(body)
        .post("/api/webhook")
        .then()
        .statusCode(200)
        .body("ignored", equalTo("not a push event"));
  }

  /** A repository with an app whose manifests were requested, so repo-server watches it. */
  private String watchedRepo(String prefix) {
    String repo = git.createUniqueRepo(prefix);
    git.commit(repo, Map.of("app/cm.yaml", cm("one"), "other/readme.txt", "hi\n"), "first");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("repoURL", git.url(repo), "targetRevision", "main", "path", "app"))
        .post("/api/v1/manifests")
        .then()
        .statusCode(200);
    return repo;
  }

  private static io.restassured.response.ValidatableResponse gitlab(String body, String token) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Gitlab-Event", "Push Hook")
        .header("X-Gitlab-Token", token)
        .body(body)
        .post("/api/webhook")
        .then();
  }

  private static byte[] githubPush(String url, String before, String after) {
    return """
        {"ref": "refs/heads/main", "before": "%s", "after": "%s",
         "repository": {"html_url": "%s", "clone_url": "%s"}}
        """
        .formatted(before, after, url.replaceFirst("\\.git$", ""), url)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<String, QuargoEvent> awaitEvent(String url, String newSha) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
              assertThat(seen).anyMatch(r -> isEvent(r, url, newSha));
            });
    return seen.stream().filter(r -> isEvent(r, url, newSha)).findFirst().orElseThrow();
  }

  private static boolean isEvent(ConsumerRecord<String, QuargoEvent> r, String url, String sha) {
    return r.value() instanceof RepoRevisionChanged e
        && e.repoUrl().equals(url)
        && e.newSha().equals(sha);
  }

  private static String cm(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }
}
