package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quargo.devstack.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated built-in controllers and kubelet of the sandbox cluster (in the spirit of KWOK).
 * Informers on the sandbox trigger reconcile passes; one thread runs them, in controller order.
 */
public final class StatusSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusSimulator.class);
  private static final Duration COALESCE = Duration.ofMillis(20);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final ScheduledExecutorService loop;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private final DeploymentSimulator deployments;
  private final ReplicaSetSimulator replicaSets;
  private final StatefulSetSimulator statefulSets;
  private final DaemonSetSimulator daemonSets;
  private final JobSimulator jobs;
  private final KubeletSimulator kubelet;
  private final EndpointsSimulator endpoints;
  private final GarbageCollector gc;
  private final TreeSet<Long> pending = new TreeSet<>();
  private long lastPassStart = Long.MIN_VALUE;
  private volatile boolean closed;

  private StatusSimulator(KubernetesClient client, FailureRules failures, Duration delay) {
    this.client = client;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sandbox-simulator");
              t.setDaemon(true);
              return t;
            });
    SimContext ctx = new SimContext(client, failures, delay, Clock.systemUTC(), this::requestPass);
    deployments = new DeploymentSimulator(ctx);
    replicaSets = new ReplicaSetSimulator(ctx);
    statefulSets = new StatefulSetSimulator(ctx);
    daemonSets = new DaemonSetSimulator(ctx);
    jobs = new JobSimulator(ctx);
    kubelet = new KubeletSimulator(ctx);
    endpoints = new EndpointsSimulator(ctx);
    gc = new GarbageCollector(ctx);
  }

  /** Starts watching the sandbox through {@code client}, which the simulator owns from now on. */
  public static StatusSimulator start(
      KubernetesClient client, FailureRules failures, SandboxOptions options) {
    StatusSimulator s = new StatusSimulator(client, failures, options.simulatorDelay());
    ResourceEventHandler<HasMetadata> trigger =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(HasMetadata obj) {
            s.requestPass(COALESCE);
          }

          @Override
          public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
            s.requestPass(COALESCE);
          }

          @Override
          public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
            s.requestPass(COALESCE);
          }
        };
    s.watch(client.apps().deployments().inAnyNamespace().inform(), trigger);
    s.watch(client.apps().replicaSets().inAnyNamespace().inform(), trigger);
    s.watch(client.apps().statefulSets().inAnyNamespace().inform(), trigger);
    s.watch(client.apps().daemonSets().inAnyNamespace().inform(), trigger);
    s.watch(client.batch().v1().jobs().inAnyNamespace().inform(), trigger);
    s.watch(client.pods().inAnyNamespace().inform(), trigger);
    s.watch(client.services().inAnyNamespace().inform(), trigger);
    s.requestPass(Duration.ZERO);
    return s;
  }

  @SuppressWarnings("unchecked")
  private void watch(
      SharedIndexInformer<? extends HasMetadata> informer, ResourceEventHandler<HasMetadata> h) {
    ((SharedIndexInformer<HasMetadata>) informer).addEventHandler(h);
    informers.add(informer);
  }

  /** Asks for a reconcile pass soon, e.g. after the failure rules changed. */
  public void nudge() {
    requestPass(Duration.ZERO);
  }

  private void requestPass(Duration after) {
    if (closed) {
      return;
    }
    long at = System.nanoTime() + after.toNanos();
    long tolerance = Math.max(COALESCE.toNanos(), after.toNanos() / 20);
    synchronized (pending) {
      if (!pending.subSet(at - tolerance, true, at + tolerance, true).isEmpty()) {
        return; // a pass close enough to that time is already scheduled
      }
      pending.add(at);
    }
    try {
      loop.schedule(() -> runPass(at), Math.max(0, after.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void runPass(long target) {
    synchronized (pending) {
      pending.remove(target);
    }
    if (closed || lastPassStart >= target) {
      return; // a pass that started after the requested time has already seen that state
    }
    lastPassStart = System.nanoTime();
    try {
      pass();
    } catch (RuntimeException e) {
      if (!closed) {
        LOG.debug("sandbox simulator pass failed, retrying in {}: {}", RETRY, e.toString());
        requestPass(RETRY);
      }
    }
  }

  private void pass() {
    var apps = client.apps();
    List<ReplicaSet> rsList = apps.replicaSets().inAnyNamespace().list().getItems();
    deployments.reconcile(apps.deployments().inAnyNamespace().list().getItems(), rsList);
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    replicaSets.reconcile(apps.replicaSets().inAnyNamespace().list().getItems(), pods);
    statefulSets.reconcile(apps.statefulSets().inAnyNamespace().list().getItems(), pods);
    daemonSets.reconcile(apps.daemonSets().inAnyNamespace().list().getItems(), pods);
    jobs.reconcile(client.batch().v1().jobs().inAnyNamespace().list().getItems(), pods);
    pods = client.pods().inAnyNamespace().list().getItems();
    kubelet.reconcile(pods);
    var services = client.services().inAnyNamespace().list().getItems();
    var eps = client.endpoints().inAnyNamespace().list().getItems();
    endpoints.reconcile(services, client.pods().inAnyNamespace().list().getItems(), eps);
    endpoints.removeOrphans(services, eps);
    collectGarbage();
  }

  private void collectGarbage() {
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    List<ReplicaSet> rsList = client.apps().replicaSets().inAnyNamespace().list().getItems();
    Set<String> owners = new HashSet<>();
    client
        .apps()
        .deployments()
        .inAnyNamespace()
        .list()
        .getItems()
        .forEach(o -> owners.add(o.getMetadata().getUid()));
    client
        .apps()
        .replicaSets()
        .inAnyNamespace()
        .list()
        .getItems()
        .forEach(o -> owners.add(o.getMetadata().getUid()));
    client
        .apps()
        .statefulSets()
        .inAnyNamespace()
        .list()
        .getItems()
        .forEach(o -> owners.add(o.getMetadata().getUid()));
    client
        .apps()
        .daemonSets()
        .inAnyNamespace()
        .list()
        .getItems()
        .forEach(o -> owners.add(o.getMetadata().getUid()));
    client
        .batch()
        .v1()
        .jobs()
        .inAnyNamespace()
        .list()
        .getItems()
        .forEach(o -> owners.add(o.getMetadata().getUid()));
    gc.collect(rsList, owners);
    gc.collect(pods, owners);
  }

  @Override
  public void close() {
    closed = true;
    informers.forEach(SharedIndexInformer::close);
    loop.shutdownNow();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}
