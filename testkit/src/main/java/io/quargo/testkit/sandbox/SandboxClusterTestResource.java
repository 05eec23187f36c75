package io.quargo.testkit.sandbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: points the service's Kubernetes client at the shared {@link TestSandbox}
 * cluster (a simulation, not a real Kubernetes), namespace {@value TestSandbox#NAMESPACE}.
 */
public class SandboxClusterTestResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    return TestSandbox.quarkusConfig();
  }

  @Override
  public void stop() {
    // shared by all test classes of this JVM; stopped by a shutdown hook
  }
}
