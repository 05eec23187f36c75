package io.quargo.devstack.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.MockWebServer;
import io.quargo.devstack.sandbox.simulator.FailureRules;
import io.quargo.devstack.sandbox.simulator.StatusSimulator;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox Kubernetes API: fabric8's CRUD mock server on 127.0.0.1 plus a status simulator. It is
 * a SIMULATION, not a real Kubernetes: see the package documentation for what it does and does not
 * do.
 */
public final class SandboxCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxCluster.class);
  // held so the JUL level set on it is not lost when the logger is collected
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger(MockWebServer.class.getName());

  private final MockWebServer server;
  private final int port;
  private final KubernetesClient client;
  private final FailureRules failures;
  private final StatusSimulator simulator;

  private SandboxCluster(
      MockWebServer server,
      KubernetesClient client,
      FailureRules failures,
      StatusSimulator simulator) {
    this.server = server;
    this.port = server.getPort();
    this.client = client;
    this.failures = failures;
    this.simulator = simulator;
  }

  /** Starts a sandbox cluster; the API answers before this returns. */
  public static SandboxCluster start(SandboxOptions options) {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
    MockWebServer server = new MockWebServer();
    ApiResourceTable table = ApiResourceTable.load();
    ServerAddress address = new ServerAddress();
    SandboxDispatcher dispatcher =
        new SandboxDispatcher(
            new KubernetesCrudDispatcher(),
            table,
            new ApiDiscovery(table, address::hostPort),
            () -> drainRecordedRequest(server));
    server.setDispatcher(dispatcher);
    try {
      server.start(InetAddress.getLoopbackAddress(), options.port());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the sandbox cluster cannot listen on 127.0.0.1:"
              + options.port()
              + " ("
              + e.getMessage()
              + "); free the port or choose another one (0 picks a free port)",
          e);
    }
    address.port = server.getPort();
    KubernetesClient client = newClient("http://127.0.0.1:" + server.getPort());
    FailureRules failures = new FailureRules();
    StatusSimulator simulator =
        options.simulator()
            ? StatusSimulator.start(newClient(client.getMasterUrl().toString()), failures, options)
            : null;
    LOG.info(
        "Sandbox cluster (a SIMULATION, not a real Kubernetes) at {}{}",
        "http://127.0.0.1:" + server.getPort(),
        options.simulator()
            ? " with the status simulator (pod start delay " + options.simulatorDelay() + ")"
            : " without the status simulator");
    return new SandboxCluster(server, client, failures, simulator);
  }

  private static final class ServerAddress {
    volatile int port;

    String hostPort() {
      return "127.0.0.1:" + port;
    }
  }

  // MockWebServer records every request for tests that inspect them; a long-lived sandbox must not
  // keep them, so each request takes one back out.
  private static void drainRecordedRequest(MockWebServer server) {
    try {
      server.takeRequest(0, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static KubernetesClient newClient(String url) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withNamespace("default")
            .withHttp2Disable(true)
            .withTrustCerts(true)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The API URL, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The API port. */
  public int port() {
    return port;
  }

  /** A fabric8 client for this sandbox (namespace "default"); closed with the sandbox. */
  public KubernetesClient client() {
    return client;
  }

  /** A kubeconfig pointing at this sandbox, for {@code kubectl --kubeconfig} and KUBECONFIG. */
  public String kubeconfig() {
    return """
        # Quargo sandbox cluster: a SIMULATION, not a real Kubernetes.
        apiVersion: v1
        kind: Config
        clusters:
          - name: quargo-sandbox
            cluster:
              server: %s
        users:
          - name: quargo-sandbox
            user: {}
        contexts:
          - name: quargo-sandbox
            context:
              cluster: quargo-sandbox
              user: quargo-sandbox
              namespace: default
        current-context: quargo-sandbox
        preferences: {}
        """
        .formatted(url());
  }

  /**
   * Makes the pods in {@code namespace} that carry all of {@code podLabels} fail (now and when they
   * are created later): not Ready, the container waiting with the failure's reason.
   */
  public void failPods(String namespace, Map<String, String> podLabels, PodFailure failure) {
    failures.add(namespace, podLabels, failure);
    if (simulator != null) {
      simulator.nudge();
    }
  }

  /** Stops the simulator, the client and the server. */
  @Override
  public void close() {
    if (simulator != null) {
      simulator.close();
    }
    client.close();
    server.shutdown();
    LOG.info("Sandbox cluster (simulation) at {} stopped", url());
  }
}
