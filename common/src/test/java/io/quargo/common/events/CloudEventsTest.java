package io.quargo.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.common.events.kafka.EventDeserializer;
import io.quargo.common.events.kafka.EventSerializer;
import io.quargo.common.events.kafka.JsonRecordDeserializer;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

  private final AppCommand.Sync sync =
      (AppCommand.Sync)
          EventSamples.all().stream()
              .map(EventSamples.Sample::event)
              .filter(AppCommand.Sync.class::isInstance)
              .findFirst()
              .orElseThrow();

  @Test
  @SuppressWarnings("unchecked")
  void smallRyeMessageCarriesCloudEventAndKafkaKey() {
    Message<AppCommand.Sync> message =
        CloudEvents.message(sync, "api-gateway", "id-1", EventSamples.AT);

    OutgoingCloudEventMetadata<?> ce =
        message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
    assertThat(ce.getId()).isEqualTo("id-1");
    assertThat(ce.getSource()).isEqualTo(URI.create("/quargo/api-gateway"));
    assertThat(ce.getType()).isEqualTo("io.quargo.app.sync-requested.v1");
    assertThat(ce.getSubject()).contains("argocd/guestbook");
    assertThat(ce.getTimeStamp()).contains(EventSamples.AT.atZone(ZoneOffset.UTC));
    OutgoingKafkaRecordMetadata<String> kafka =
        message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
    assertThat(kafka.getKey()).isEqualTo("argocd/guestbook");
    assertThat(message.getPayload()).isSameAs(sync);
  }

  @Test
  void randomIdsDiffer() {
    String a =
        CloudEvents.message(sync, "x")
            .getMetadata(OutgoingCloudEventMetadata.class)
            .orElseThrow()
            .getId();
    String b =
        CloudEvents.message(sync, "x")
            .getMetadata(OutgoingCloudEventMetadata.class)
            .orElseThrow()
            .getId();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void plainProducerRecordReadsBackThroughHeadersAndDeserializer() {
    ProducerRecord<String, byte[]> record =
        CloudEvents.producerRecord(
            Topics.APP_COMMANDS, sync, "events-bus", "id-2", EventSamples.AT);

    CloudEventHeaders ce = CloudEvents.read(record.headers());
    assertThat(ce)
        .isEqualTo(
            new CloudEventHeaders(
                "1.0",
                "id-2",
                "/quargo/events-bus",
                AppCommand.Sync.TYPE,
                "argocd/guestbook",
                EventSamples.AT.atOffset(ZoneOffset.UTC),
                "application/json"));
    assertThat(record.key()).isEqualTo("argocd/guestbook");
    QuargoEvent back =
        new EventDeserializer().deserialize(record.topic(), record.headers(), record.value());
    assertThat(back).isEqualTo(sync);
  }

  @Test
  void deserializerRefusesUnknownType() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEvents.TYPE, "io.quargo.nope.v1".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> new EventDeserializer().deserialize("t", headers, "{}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.quargo.nope.v1");
  }

  @Test
  void serializerAndTypedDeserializerAgree() {
    byte[] bytes = new EventSerializer().serialize("t", sync);
    JsonRecordDeserializer<AppCommand> reader = new JsonRecordDeserializer<>();
    reader.configure(Map.of(JsonRecordDeserializer.VALUE_TYPE, AppCommand.class.getName()), false);

    assertThat(reader.deserialize("t", bytes)).isEqualTo(sync);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"command\":\"sync\"");
  }

  @Test
  void typedDeserializerWithoutTypeSaysWhatToSet() {
    assertThatThrownBy(() -> new JsonRecordDeserializer<>().configure(Map.of(), false))
        .hasMessageContaining(JsonRecordDeserializer.VALUE_TYPE);
  }
}
