package io.quargo.devstack.sandbox;

import java.time.Duration;

/**
 * How to start a {@link SandboxCluster}.
 *
 * @param port the API port on 127.0.0.1; 0 picks a free one (the local stack uses 6443)
 * @param simulatorDelay how long the simulated kubelet takes to start a pod; zero is allowed
 * @param simulator whether the status simulator (controllers and kubelet) runs at all
 */
public record SandboxOptions(int port, Duration simulatorDelay, boolean simulator) {
  /** The delay a pod takes to become ready when nothing else is said. */
  public static final Duration DEFAULT_DELAY = Duration.ofMillis(500);

  public SandboxOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("sandbox port " + port + " is outside 0..65535");
    }
    if (simulatorDelay == null || simulatorDelay.isNegative()) {
      throw new IllegalArgumentException(
          "sandbox simulator delay " + simulatorDelay + " must be zero or positive");
    }
  }

  /** A free port, the default delay, the simulator on. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(0, DEFAULT_DELAY, true);
  }

  public SandboxOptions withPort(int newPort) {
    return new SandboxOptions(newPort, simulatorDelay, simulator);
  }

  public SandboxOptions withSimulatorDelay(Duration delay) {
    return new SandboxOptions(port, delay, simulator);
  }

  public SandboxOptions withSimulator(boolean on) {
    return new SandboxOptions(port, simulatorDelay, on);
  }
}
