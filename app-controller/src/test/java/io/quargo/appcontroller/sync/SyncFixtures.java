package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: YAML manifests from {@code src/test/resources/sync}, unique names, fast engines.
 */
final class SyncFixtures {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private SyncFixtures() {}

  /** The objects of {@code sync/<name>.yaml}. */
  static List<ObjectNode> manifests(String name) {
    String resource = "sync/" + name + ".yaml";
    try (InputStream in = SyncFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return ManifestCodec.readAll(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A name no other test of this JVM uses (the sandbox is shared). */
  static String unique(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() % 1000 + "-" + COUNTER.incrementAndGet();
  }

  /** An engine that waits at most {@code timeout} per wave and polls every 50 ms. */
  static SyncEngine engine(KubernetesClient client, Duration timeout) {
    return new SyncEngine(
        client,
        SyncConfig.defaults().withHealthTimeout(timeout).withPollInterval(Duration.ofMillis(50)));
  }

  /** An engine with a 20 s wave timeout. */
  static SyncEngine engine(KubernetesClient client) {
    return engine(client, Duration.ofSeconds(20));
  }

  /** The object named {@code name} of {@code objects}, for editing in a test. */
  static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> o.path("kind").asText().equals(kind))
        .filter(o -> o.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
