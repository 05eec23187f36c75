package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.events.AppStatusChanged;
import io.quargo.common.events.CloudEvents;
import io.quargo.common.events.Topics;
import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.model.SyncStatusCode;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.gateway.support.SseClient;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.kafka.TestKafka;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live application stream, fed by real Kafka records on quargo.app.events. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class ApplicationStreamTest {

  private static KafkaProducer<String, byte[]> producer;

  @TestHTTPResource("/api/v1/stream/applications")
  URL stream;

  @BeforeAll
  static void producer() {
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @BeforeEach
  void seed() {
    APP_CONTROLLER.reset();
  }

  /** app-controller's event for {@code name}; sent again on each await poll (latest offsets). */
  private static void publish(String name) throws Exception {
    AppStatusChanged event =
        new AppStatusChanged(
            "argocd",
            name,
            SyncStatusCode.SYNCED,
            HealthStatusCode.HEALTHY,
            null,
            null,
            "abc123",
            "synced",
            Instant.now());
    producer.send(CloudEvents.producerRecord(Topics.APP_EVENTS, event, "app-controller")).get();
  }

  private static void markSynced(String name) {
    ((ObjectNode) APP_CONTROLLER.storedApp(name).get("status"))
        .putObject("sync")
        .put("status", "Synced");
  }

  private static boolean hasSynced(SseClient client, String type, String name) {
    for (JsonNode e : client.events()) {
      JsonNode app = e.path("result").path("application");
      if (e.path("result").path("type").asText().equals(type)
          && app.path("metadata").path("name").asText().equals(name)
          && app.path("status").path("sync").path("status").asText().equals("Synced")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aPublishedChangeReachesABrowserStreamAuthenticatedByCookie() throws Exception {
    try (SseClient client = SseClient.withCookie(stream + "?name=guestbook", tokenFor("admin"))) {
      await().untilAsserted(() -> assertThat(client.summary()).containsExactly("ADDED guestbook"));
      assertThat(client.status()).isEqualTo(200);
      assertThat(client.contentType()).startsWith("text/event-stream");
      markSynced("guestbook");
      await()
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                publish("guestbook");
                assertThat(hasSynced(client, "MODIFIED", "guestbook")).isTrue();
              });
      // the name filter holds: another app's change is not sent
      assertThat(client.summary()).allMatch(s -> s.endsWith(" guestbook"));
    }
  }

  @Test
  void aCallerSeesNothingOfAnAppItMayNotGet() throws Exception {
    String deployer = tokenFor("deployer"); // applications get default/* only
    try (SseClient admin = SseClient.withBearer(stream.toString(), tokenFor("admin"));
        SseClient limited = SseClient.withBearer(stream.toString(), deployer)) {
      await().until(() -> admin.summary().contains("ADDED other-app"));
      await().until(() -> limited.summary().contains("ADDED guestbook"));
      markSynced("other-app");
      await()
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                publish("other-app");
                assertThat(hasSynced(admin, "MODIFIED", "other-app")).isTrue();
              });
      // events are handled one at a time: once the later one arrived, the earlier was handled
      markSynced("guestbook");
      await()
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                publish("guestbook");
                assertThat(hasSynced(limited, "MODIFIED", "guestbook")).isTrue();
              });
      assertThat(limited.summary()).noneMatch(s -> s.endsWith(" other-app"));
      assertThat(limited.summary()).contains("ADDED billing", "ADDED guestbook-2");
    }
  }

  @Test
  void aProjectRoleTokenStreamsOnlyItsProject() throws Exception {
    ObjectNode role =
        ((ObjectNode) APP_CONTROLLER.storedProject("other").get("spec"))
            .putArray("roles")
            .addObject();
    role.put("name", "viewer");
    role.putArray("policies").add("p, proj:other:viewer, applications, get, other/*, allow");
    String token =
        as(tokenFor("admin"))
            .body(Map.of("id", "viewer-token"))
            .post("/api/v1/projects/other/roles/viewer/token")
            .then()
            .statusCode(200)
            .extract()
            .path("token");
    try (SseClient client = SseClient.withBearer(stream.toString(), token)) {
      await().until(() -> client.summary().contains("ADDED other-app"));
      markSynced("other-app");
      await()
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                publish("other-app");
                assertThat(hasSynced(client, "MODIFIED", "other-app")).isTrue();
              });
      assertThat(client.summary()).allMatch(s -> s.endsWith(" other-app"));
    }
  }

  @Test
  void aDeletedAppIsSentAsDeleted() throws Exception {
    try (SseClient client = SseClient.withBearer(stream + "?projects=default", tokenFor("admin"))) {
      await().until(() -> client.summary().contains("ADDED billing"));
      assertThat(client.summary()).doesNotContain("ADDED other-app");
      APP_CONTROLLER.removeApp("billing");
      await()
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                publish("billing");
                assertThat(client.summary()).contains("DELETED billing");
              });
    }
  }

  @Test
  void withoutATokenTheStreamIsA401Problem() {
    io.restassured.RestAssured.given()
        .accept("text/event-stream")
        .get("/api/v1/stream/applications")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(GatewayApiTest.login("admin", adminPasswordQuietly()))
        .accept("text/event-stream")
        .get("/api/v1/stream/applications?selector=env in x")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static String adminPasswordQuietly() {
    try {
      return GatewayApiTest.adminPassword();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
