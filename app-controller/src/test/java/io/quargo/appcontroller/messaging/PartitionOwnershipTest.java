package io.quargo.appcontroller.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.appcontroller.reconcile.AppKey;
import io.quargo.testkit.kafka.TestKafka;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The partition an app's key lands on, as a real producer on the test broker picks it, is the one
 * {@link PartitionOwnership} computes; a replica owns exactly the apps of its assigned partitions.
 */
class PartitionOwnershipTest {

  @Test
  void partitionIsTheOneKafkasDefaultPartitionerPicks() throws Exception {
    String topic = "ownership-" + UUID.randomUUID();
    Properties p = new Properties();
    p.put("bootstrap.servers", TestKafka.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(topic, 7, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 40; i++) {
        AppKey key = new AppKey(i % 2 == 0 ? "argocd" : "team-" + i, "app-" + i);
        int actual =
            producer
                .send(new ProducerRecord<>(topic, key.namespace() + "/" + key.name(), "x"))
                .get()
                .partition();
        assertThat(PartitionOwnership.partition(key, 7)).as(key.toString()).isEqualTo(actual);
      }
    }
  }

  @Test
  void ownsTheAppsOfItsAssignedCommandPartitionsOnly() {
    PartitionOwnership ownership = new PartitionOwnership();
    MockConsumer<String, String> consumer =
        new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    consumer.updatePartitions(
        "quargo.app.commands",
        List.of(
            new org.apache.kafka.common.PartitionInfo("quargo.app.commands", 0, null, null, null),
            new org.apache.kafka.common.PartitionInfo("quargo.app.commands", 1, null, null, null),
            new org.apache.kafka.common.PartitionInfo("quargo.app.commands", 2, null, null, null)));
    AppKey app = new AppKey("argocd", "guestbook");
    int partition = PartitionOwnership.partition(app, 3);

    assertThat(ownership.owns(app)).as("nothing before an assignment").isFalse();
    ownership.onPartitionsAssigned(
        consumer, List.of(new TopicPartition("quargo.repo.revisions", partition)));
    assertThat(ownership.owns(app)).as("another topic's partitions do not count").isFalse();
    ownership.onPartitionsAssigned(
        consumer, List.of(new TopicPartition("quargo.app.commands", partition)));
    assertThat(ownership.owns(app)).isTrue();
    assertThat(ownership.partitions()).containsExactly(partition);
    assertThat(ownership.owns(new AppKey("argocd", otherThan(partition))))
        .as("an app on another partition")
        .isFalse();
    ownership.onPartitionsRevoked(
        consumer, List.of(new TopicPartition("quargo.app.commands", partition)));
    assertThat(ownership.owns(app)).isFalse();
  }

  private static String otherThan(int partition) {
    for (int i = 0; ; i++) {
      if (PartitionOwnership.partition(new AppKey("argocd", "other-" + i), 3) != partition) {
        return "other-" + i;
      }
    }
  }
}
