package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.devstack.sandbox.SandboxOptions;

/** The simulated built-in controllers and kubelet of the sandbox cluster. */
public final class StatusSimulator implements AutoCloseable {
  private final KubernetesClient client;

  private StatusSimulator(KubernetesClient client) {
    this.client = client;
  }

  /** Starts watching the sandbox through {@code client}, which the simulator owns from now on. */
  public static StatusSimulator start(
      KubernetesClient client, FailureRules failures, SandboxOptions options) {
    return new StatusSimulator(client);
  }

  /** Asks for a reconcile pass soon, e.g. after the failure rules changed. */
  public void nudge() {}

  @Override
  public void close() {
    client.close();
  }
}
