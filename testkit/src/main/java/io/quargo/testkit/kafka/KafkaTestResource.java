package io.quargo.testkit.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Quarkus test resource: points the service under test at the shared {@link TestKafka} broker. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    return TestKafka.quarkusConfig();
  }

  @Override
  public void stop() {
    // shared by all test classes of this JVM; stopped by a shutdown hook
  }
}
