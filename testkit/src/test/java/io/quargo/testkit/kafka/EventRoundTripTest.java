package io.quargo.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.common.events.AppCommand;
import io.quargo.common.events.CloudEventHeaders;
import io.quargo.common.events.CloudEvents;
import io.quargo.common.events.QuargoEvent;
import io.quargo.common.events.RepoRevisionChanged;
import io.quargo.common.events.Topics;
import io.quargo.common.events.kafka.EventDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A real Kafka round trip of {@code common}'s event contract: what repo-server and the gateway
 * publish (binary-mode CloudEvents, keyed by resource) is what app-controller reads back, through
 * the shared broker of {@link TestKafka}.
 */
class EventRoundTripTest {
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Test
  void eventsOfSeveralTypesComeBackEqualWithTheirCloudEventsHeadersAndKeys() {
    var revision =
        new RepoRevisionChanged(
            "git://127.0.0.1/demo.git",
            "refs/heads/main",
            "1111111111111111111111111111111111111111",
            "2222222222222222222222222222222222222222",
            List.of("guestbook/guestbook-ui-deployment.yaml"),
            now);
    var sync =
        new AppCommand.Sync(
            "argocd",
            "guestbook",
            "HEAD",
            true,
            false,
            List.of(),
            List.of("CreateNamespace=true"),
            UUID.randomUUID().toString(),
            "admin",
            now);

    try (var producer = producer()) {
      producer.send(CloudEvents.producerRecord(Topics.REPO_REVISIONS, revision, "repo-server"));
      producer.send(CloudEvents.producerRecord(Topics.APP_COMMANDS, sync, "api-gateway"));
      producer.flush();
    }

    List<ConsumerRecord<String, QuargoEvent>> received = new ArrayList<>();
    try (var consumer = consumer()) {
      consumer.subscribe(List.of(Topics.REPO_REVISIONS, Topics.APP_COMMANDS));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= 2;
              });
    }

    ConsumerRecord<String, QuargoEvent> revisionRecord = only(received, Topics.REPO_REVISIONS);
    assertThat(revisionRecord.value()).isEqualTo(revision);
    assertThat(revisionRecord.key()).isEqualTo("git://127.0.0.1/demo.git");
    CloudEventHeaders revisionHeaders = CloudEvents.read(revisionRecord.headers());
    assertThat(revisionHeaders.type()).isEqualTo("io.quargo.repo.revision-changed.v1");
    assertThat(revisionHeaders.source()).isEqualTo("/quargo/repo-server");
    assertThat(revisionHeaders.specVersion()).isEqualTo("1.0");
    assertThat(revisionHeaders.id()).isNotBlank();

    ConsumerRecord<String, QuargoEvent> syncRecord = only(received, Topics.APP_COMMANDS);
    assertThat(syncRecord.value()).isInstanceOf(AppCommand.Sync.class).isEqualTo(sync);
    assertThat(syncRecord.key()).isEqualTo("argocd/guestbook");
    assertThat(CloudEvents.read(syncRecord.headers()).type())
        .isEqualTo("io.quargo.app.sync-requested.v1");
    assertThat(CloudEvents.read(syncRecord.headers()).subject()).isEqualTo("argocd/guestbook");
  }

  private static ConsumerRecord<String, QuargoEvent> only(
      List<ConsumerRecord<String, QuargoEvent>> records, String topic) {
    List<ConsumerRecord<String, QuargoEvent>> onTopic =
        records.stream().filter(r -> r.topic().equals(topic)).toList();
    assertThat(onTopic).as("records on %s", topic).hasSize(1);
    return onTopic.get(0);
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static KafkaConsumer<String, QuargoEvent> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "round-trip-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new EventDeserializer());
  }
}
