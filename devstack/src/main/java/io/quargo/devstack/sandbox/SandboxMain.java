package io.quargo.devstack.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a sandbox cluster (a simulation) for {@code kubectl --server} trials: {@code SandboxMain
 * [port] [delayMillis]}; prints the URL and runs until interrupted.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 6443;
    Duration delay =
        args.length > 1 ? Duration.ofMillis(Long.parseLong(args[1])) : SandboxOptions.DEFAULT_DELAY;
    SandboxCluster cluster =
        SandboxCluster.start(SandboxOptions.defaults().withPort(port).withSimulatorDelay(delay));
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "sandbox-shutdown"));
    System.out.println(
        "Sandbox cluster (a SIMULATION, not a real Kubernetes) at "
            + cluster.url()
            + "\n  kubectl --server "
            + cluster.url()
            + " get all");
    new CountDownLatch(1).await();
  }
}
