package io.quargo.testkit.sandbox;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.quargo.devstack.sandbox.SandboxCluster;
import io.quargo.devstack.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.Map;

/** One sandbox cluster (a simulation, not a real Kubernetes) per test JVM, shared by every test. */
public final class TestSandbox {
  /** The namespace services under test are configured with; it exists in the sandbox. */
  public static final String NAMESPACE = "quargo-test";

  /** Tests want ready pods quickly; the simulator still goes through every status stage. */
  public static final Duration POD_START_DELAY = Duration.ofMillis(100);

  private static SandboxCluster cluster;

  private TestSandbox() {}

  /** Starts the shared sandbox on first use. */
  public static synchronized SandboxCluster cluster() {
    if (cluster == null) {
      SandboxCluster started =
          SandboxCluster.start(SandboxOptions.defaults().withSimulatorDelay(POD_START_DELAY));
      started
          .client()
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-sandbox-shutdown"));
      cluster = started;
    }
    return cluster;
  }

  /** The configuration a Quarkus service needs to use the shared sandbox. */
  public static Map<String, String> quarkusConfig() {
    return Map.of(
        "quarkus.kubernetes-client.api-server-url",
        cluster().url(),
        "quarkus.kubernetes-client.trust-certs",
        "true",
        "quarkus.kubernetes-client.namespace",
        NAMESPACE,
        "quarkus.kubernetes-client.devservices.enabled",
        "false");
  }
}
