package io.quargo.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stack's Kafka broker as its own JVM ({@code kafka.Kafka}, KRaft combined broker and
 * controller, no ZooKeeper), with data under {@code .quargo/kafka} formatted once by Kafka's
 * StorageTool.
 */
public final class KafkaBroker {
  private static final long FORMAT_TIMEOUT_MILLIS = 60_000;

  private KafkaBroker() {}

  /**
   * Formats the storage when needed, then starts the broker process; returns at once (wait for the
   * port with {@link Readiness}).
   *
   * @param classpath a classpath holding {@code kafka_2.13} and its runtime dependencies
   */
  public static ChildProcess start(
      Path dir, int port, int controllerPort, String classpath, String heap, Path log) {
    try {
      Files.createDirectories(dir);
      Path properties = dir.resolve("server.properties");
      Files.writeString(properties, serverProperties(dir.resolve("data"), port, controllerPort));
      formatWhenNeeded(dir, controllerPort, classpath, properties, log);
      return ChildProcess.start(
          "kafka",
          ChildProcess.java(
              "-Xmx" + heap,
              "-Xms64m",
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-Dorg.slf4j.simpleLogger.showDateTime=true",
              "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
              "-cp",
              classpath,
              "kafka.Kafka",
              properties.toString()),
          Map.of(),
          log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka's directory " + dir, e);
    }
  }

  /** The broker's configuration: one node, broker and controller, listeners on 127.0.0.1. */
  static String serverProperties(Path dataDir, int port, int controllerPort) {
    return String.join(
            "\n",
            "# Written by ./quargo up at every start; edit QUARGO_KAFKA_PORT instead of this file.",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "log.dirs=" + dataDir.toAbsolutePath(),
            "num.partitions=3",
            "auto.create.topics.enable=true",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "")
        + "\n";
  }

  /**
   * Formats the data directory unless it was formatted for this controller port (the controller's
   * address is written into the metadata log, so a new port needs a fresh log).
   */
  private static void formatWhenNeeded(
      Path dir, int controllerPort, String classpath, Path properties, Path log)
      throws IOException {
    Path marker = dir.resolve("formatted-for-controller-port");
    Path data = dir.resolve("data");
    String expected = Integer.toString(controllerPort);
    if (Files.exists(data.resolve("meta.properties"))
        && Files.exists(marker)
        && Files.readString(marker).trim().equals(expected)) {
      return;
    }
    deleteTree(data);
    ChildProcess.run(
        "kafka-storage-format",
        ChildProcess.java(
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classpath,
            "kafka.tools.StorageTool",
            "format",
            "--standalone",
            "-t",
            clusterId(),
            "-c",
            properties.toString()),
        log,
        FORMAT_TIMEOUT_MILLIS);
    Files.writeString(marker, expected + "\n");
  }

  /**
   * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (22 characters), never
   * starting with '-' (the storage tool would read such an id as an option, as Kafka's own
   * Uuid.randomUuid avoids too).
   */
  static String clusterId() {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.delete(p);
      }
    }
  }
}
