package io.quargo.testkit.kafka;

import io.quargo.testkit.DockerEngine;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker (KRaft, no ZooKeeper) per test JVM, shared by every test class.
 *
 * <p>In-process through Kafka's own {@link KafkaClusterTestKit} by default (starts in a few
 * seconds), or a Testcontainers broker when a Docker engine is present.
 */
public final class TestKafka {
  private static String bootstrapServers;

  private TestKafka() {}

  /** Starts the broker on first use and returns its bootstrap address. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers = DockerEngine.available() ? startContainer() : startInProcess();
    }
    return bootstrapServers;
  }

  private static String startInProcess() {
    // A broker that hits a fatal error (e.g. its log dirs deleted while the JVM shuts down) calls
    // Exit.halt: in a test JVM that would kill the test run itself, with no report. Log instead.
    Exit.Procedure report =
        (code, message) ->
            System.err.println(
                "in-process Kafka asked to exit with " + code + " (" + message + "); ignored");
    Exit.setExitProcedure(report);
    Exit.setHaltProcedure(report);
    try {
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("num.partitions", "3")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster)));
      return cluster.bootstrapServers();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the in-process Kafka broker", e);
    }
  }

  private static String startContainer() {
    KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    return container.getBootstrapServers();
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    try {
      cluster.close();
    } catch (Exception ignored) {
      // the JVM is ending; nothing else can be done
    }
  }

  /** The configuration a Quarkus service needs to reach this broker. */
  public static Map<String, String> quarkusConfig() {
    return Map.of("kafka.bootstrap.servers", bootstrapServers());
  }
}
