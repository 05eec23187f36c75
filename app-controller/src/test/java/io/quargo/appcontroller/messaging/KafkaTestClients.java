package io.quargo.appcontroller.messaging;

import io.quargo.common.events.CloudEvents;
import io.quargo.common.events.QuargoEvent;
import io.quargo.testkit.kafka.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker: send events as other services do, read topics. */
public final class KafkaTestClients {

  private KafkaTestClients() {}

  /** Sends {@code event} to {@code topic} as a binary CloudEvent, as another service would. */
  public static void send(String topic, QuargoEvent event) {
    send(CloudEvents.producerRecord(topic, event, "test"));
  }

  /** Sends a raw record. */
  public static void send(ProducerRecord<String, byte[]> record) {
    Properties p = new Properties();
    p.put("bootstrap.servers", TestKafka.bootstrapServers());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + record.topic(), e);
    }
  }

  /** A consumer of {@code topic} from its beginning, in a group of its own. */
  public static KafkaConsumer<String, byte[]> consumer(String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", TestKafka.bootstrapServers());
    p.put("group.id", "test-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  /** Polls once briefly and adds what came to {@code seen}. */
  public static List<ConsumerRecord<String, byte[]>> poll(
      KafkaConsumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> seen) {
    List<ConsumerRecord<String, byte[]>> fresh = new ArrayList<>();
    consumer.poll(Duration.ofMillis(200)).forEach(fresh::add);
    seen.addAll(fresh);
    return seen;
  }

  /** An empty header map, for readability. */
  public static Map<String, String> none() {
    return Map.of();
  }
}
