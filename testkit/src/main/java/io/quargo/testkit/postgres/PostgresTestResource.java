package io.quargo.testkit.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Quarkus test resource: points the service under test at the shared {@link TestPostgres}. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    return TestPostgres.quarkusConfig();
  }

  @Override
  public void stop() {
    // shared by all test classes of this JVM; stopped by a shutdown hook
  }
}
