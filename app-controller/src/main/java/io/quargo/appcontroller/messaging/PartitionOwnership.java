package io.quargo.appcontroller.messaging;

import io.quargo.appcontroller.reconcile.AppKey;
import io.quargo.common.events.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Which apps this replica owns: those whose key ({@code namespace/name}) Kafka's default
 * partitioner (murmur2) puts on a partition of {@code quargo.app.commands} that the consumer group
 * assigned to this replica. Commands already reach only the owner; the periodic resync and the
 * live-object watcher ask {@link #owns} so that they, too, work only on this replica's apps, and
 * after a rebalance (a replica stopped or joined) the new owner picks the apps up.
 *
 * <p>SmallRye attaches this listener to the channels of consumer group {@code app-controller} (it
 * finds it by the group id); partitions of other topics are ignored.
 */
@ApplicationScoped
@Default
@Identifier(PartitionOwnership.GROUP)
public class PartitionOwnership implements KafkaConsumerRebalanceListener {

  /** The consumer group of app-controller's channels (and this bean's identifier). */
  public static final String GROUP = "app-controller";

  private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

  private final Set<Integer> owned = new ConcurrentSkipListSet<>();
  private volatile int partitionCount;

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    List<Integer> mine = commandPartitions(partitions);
    if (mine.isEmpty() && !partitions.isEmpty()) {
      return; // another channel of the group
    }
    if (!mine.isEmpty() || partitionCount == 0) {
      var infos = consumer.partitionsFor(Topics.APP_COMMANDS);
      if (infos != null && !infos.isEmpty()) {
        partitionCount = infos.size();
      }
    }
    owned.addAll(mine);
    LOG.infof("owns partitions %s of %d of %s", owned, partitionCount, Topics.APP_COMMANDS);
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    owned.removeAll(commandPartitions(partitions));
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    owned.removeAll(commandPartitions(partitions));
  }

  /** Whether this replica owns {@code key} (false until the group assigned partitions). */
  public boolean owns(AppKey key) {
    int count = partitionCount;
    return count > 0 && owned.contains(partition(key, count));
  }

  /** The partitions of {@code quargo.app.commands} this replica owns, sorted. */
  public List<Integer> partitions() {
    return List.copyOf(new TreeSet<>(owned));
  }

  /** How many partitions {@code quargo.app.commands} has (0 until known). */
  public int partitionCount() {
    return partitionCount;
  }

  /** The partition Kafka's default partitioner picks for {@code key} among {@code count}. */
  public static int partition(AppKey key, int count) {
    byte[] bytes = (key.namespace() + "/" + key.name()).getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(bytes)) % count;
  }

  private static List<Integer> commandPartitions(Collection<TopicPartition> partitions) {
    return partitions.stream()
        .filter(p -> Topics.APP_COMMANDS.equals(p.topic()))
        .map(TopicPartition::partition)
        .toList();
  }
}
