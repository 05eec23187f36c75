package io.quargo.common.events;

import io.quargo.common.json.Json;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Wraps Quargo events as binary-mode CloudEvents for Kafka: attributes in {@code ce_*} headers, the
 * record as the JSON body, the {@link QuargoEvent#key()} as the Kafka key.
 *
 * <p>With SmallRye Reactive Messaging, send {@link #message(QuargoEvent, String)} through an {@code
 * Emitter<QuargoEvent>} (or a subtype). Binary mode is SmallRye's default ({@code
 * cloud-events-mode=binary}, {@code cloud-events=true}); a service's channel sets only:
 *
 * <pre>
 * mp.messaging.outgoing.app-events.connector=smallrye-kafka
 * mp.messaging.outgoing.app-events.topic=quargo.app.events
 * mp.messaging.outgoing.app-events.key.serializer=org.apache.kafka.common.serialization.StringSerializer
 * mp.messaging.outgoing.app-events.value.serializer=io.quargo.common.events.kafka.EventSerializer
 * </pre>
 *
 * and reads with {@link io.quargo.common.events.kafka.EventDeserializer} (dispatch on {@code
 * ce_type}) or {@link io.quargo.common.events.kafka.JsonRecordDeserializer} (one record type). With
 * a plain Kafka client use {@link #producerRecord} and {@link #read(Headers)}.
 */
public final class CloudEvents {

  /** The CloudEvents spec version Quargo writes. */
  public static final String SPEC_VERSION = "1.0";

  /** The body's media type. */
  public static final String JSON = "application/json";

  /** Binary-mode Kafka header names (CloudEvents Kafka protocol binding). */
  public static final String ID = "ce_id";

  public static final String SOURCE = "ce_source";
  public static final String TYPE = "ce_type";
  public static final String SUBJECT = "ce_subject";
  public static final String TIME = "ce_time";
  public static final String SPECVERSION = "ce_specversion";
  public static final String CONTENT_TYPE = "content-type";

  private CloudEvents() {}

  /** The CloudEvents {@code source} of a Quargo service: {@code /quargo/<service>}. */
  public static URI source(String service) {
    return URI.create("/quargo/" + service);
  }

  /** A message for {@code event} with a random id, sent now by {@code service}. */
  public static <T extends QuargoEvent> Message<T> message(T event, String service) {
    return message(event, service, UUID.randomUUID().toString(), Instant.now());
  }

  /**
   * A message for {@code event} carrying {@link OutgoingCloudEventMetadata} (id, source {@code
   * /quargo/<service>}, type {@link QuargoEvent#ceType()}, subject {@link QuargoEvent#key()}, time)
   * and {@link OutgoingKafkaRecordMetadata} with the key.
   */
  public static <T extends QuargoEvent> Message<T> message(
      T event, String service, String id, Instant time) {
    OutgoingCloudEventMetadata<T> ce =
        OutgoingCloudEventMetadata.<T>builder()
            .withSpecVersion(SPEC_VERSION)
            .withId(id)
            .withSource(source(service))
            .withType(event.ceType())
            .withSubject(event.key())
            .withDataContentType(JSON)
            .withTimestamp(ZonedDateTime.ofInstant(time, ZoneOffset.UTC))
            .build();
    OutgoingKafkaRecordMetadata<String> kafka =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build();
    return Message.of(event, Metadata.of(ce, kafka));
  }

  /** A record for a plain Kafka producer: key, {@code ce_*} headers and the JSON body. */
  public static ProducerRecord<String, byte[]> producerRecord(
      String topic, QuargoEvent event, String service) {
    return producerRecord(topic, event, service, UUID.randomUUID().toString(), Instant.now());
  }

  /** As {@link #producerRecord(String, QuargoEvent, String)} with a given id and time. */
  public static ProducerRecord<String, byte[]> producerRecord(
      String topic, QuargoEvent event, String service, String id, Instant time) {
    Headers headers = new RecordHeaders();
    put(headers, SPECVERSION, SPEC_VERSION);
    put(headers, ID, id);
    put(headers, SOURCE, source(service).toString());
    put(headers, TYPE, event.ceType());
    put(headers, SUBJECT, event.key());
    put(headers, TIME, time.atOffset(ZoneOffset.UTC).toString());
    put(headers, CONTENT_TYPE, JSON);
    return new ProducerRecord<>(topic, null, event.key(), Json.toBytes(event), headers);
  }

  /**
   * Reads the CloudEvents attributes of a binary-mode record (from SmallRye or {@link
   * #producerRecord}); a missing header gives null, so check {@link CloudEventHeaders#type()}.
   */
  public static CloudEventHeaders read(Headers headers) {
    String time = text(headers, TIME);
    OffsetDateTime parsed = null;
    if (time != null) {
      try {
        parsed = OffsetDateTime.parse(time);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "header " + TIME + " \"" + time + "\" is not an RFC 3339 timestamp", e);
      }
    }
    return new CloudEventHeaders(
        text(headers, SPECVERSION),
        text(headers, ID),
        text(headers, SOURCE),
        text(headers, TYPE),
        text(headers, SUBJECT),
        parsed,
        text(headers, CONTENT_TYPE));
  }

  /** The last value of header {@code name} as UTF-8 text, null when absent. */
  public static String text(Headers headers, String name) {
    if (headers == null) {
      return null;
    }
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
