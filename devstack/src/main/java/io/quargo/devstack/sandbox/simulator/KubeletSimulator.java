package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.quargo.devstack.sandbox.PodFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated kubelet of one node: after the start delay a pod runs and is Ready, finishes
 * (restartPolicy Never or OnFailure) or shows its {@link PodFailure}. No container runs.
 */
final class KubeletSimulator {
  static final String NODE = "sandbox-node";
  static final String HOST_IP = "10.0.0.10";
  private static final Duration CRASH_BACKOFF = Duration.ofSeconds(10);
  private final SimContext ctx;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
  private final AtomicInteger nextIp = new AtomicInteger();

  KubeletSimulator(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(List<Pod> pods) {
    firstSeen.keySet().retainAll(pods.stream().map(p -> p.getMetadata().getUid()).toList());
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null
          || PodStates.succeeded(pod)
          || PodStates.failed(pod)) {
        continue;
      }
      Instant due =
          firstSeen
              .computeIfAbsent(pod.getMetadata().getUid(), k -> ctx.now())
              .plus(ctx.podStartDelay);
      PodStatus wanted;
      if (ctx.now().isBefore(due)) {
        wanted = pending(pod);
        ctx.passAfter(Duration.between(ctx.now(), due));
      } else {
        Optional<PodFailure> failure = ctx.failures.failureOf(pod);
        wanted = failure.map(f -> failing(pod, f, due)).orElseGet(() -> started(pod));
      }
      if (!signature(pod.getStatus()).equals(signature(wanted))) {
        pod.setStatus(wanted);
        pod.getMetadata().setResourceVersion(null);
        ctx.client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .resource(pod)
            .updateStatus();
      }
    }
  }

  // what decides whether a status must be written; timestamps are not part of it
  private static String signature(PodStatus s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(String.valueOf(s.getPhase()));
    s.getConditions().forEach(c -> b.append('|').append(c.getType()).append(c.getStatus()));
    for (ContainerStatus c : s.getContainerStatuses()) {
      b.append('|').append(c.getName()).append(c.getReady()).append(c.getRestartCount());
      if (c.getState() != null && c.getState().getWaiting() != null) {
        b.append(c.getState().getWaiting().getReason());
      }
      if (c.getState() != null && c.getState().getTerminated() != null) {
        b.append("terminated");
      }
    }
    return b.toString();
  }

  private PodStatusBuilder base(Pod pod, String phase) {
    PodStatus old = pod.getStatus();
    String ip =
        old != null && old.getPodIP() != null
            ? old.getPodIP()
            : "10.244." + (nextIp.get() / 250) + "." + (nextIp.getAndIncrement() % 250 + 2);
    String start = old != null && old.getStartTime() != null ? old.getStartTime() : ctx.timestamp();
    return new PodStatusBuilder()
        .withPhase(phase)
        .withHostIP(HOST_IP)
        .withPodIP(ip)
        .addNewPodIP(ip)
        .withStartTime(start)
        .withQosClass("BestEffort");
  }

  private List<PodCondition> conditions(boolean ready, String notReadyReason) {
    String t = ctx.timestamp();
    List<PodCondition> list = new ArrayList<>();
    list.add(PodStates.condition("PodReadyToStartContainers", true, null, t));
    list.add(PodStates.condition("Initialized", true, null, t));
    list.add(PodStates.condition("Ready", ready, ready ? null : notReadyReason, t));
    list.add(PodStates.condition("ContainersReady", ready, ready ? null : notReadyReason, t));
    list.add(PodStates.condition("PodScheduled", true, null, t));
    return list;
  }

  private PodStatus pending(Pod pod) {
    List<ContainerStatus> containers = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      containers.add(
          containerBase(c)
              .withNewState()
              .withNewWaiting()
              .withReason("ContainerCreating")
              .endWaiting()
              .endState()
              .build());
    }
    return base(pod, "Pending")
        .withConditions(conditions(false, "ContainersNotReady"))
        .withContainerStatuses(containers)
        .build();
  }

  private PodStatus started(Pod pod) {
    boolean finishes = !"Always".equals(restartPolicy(pod));
    String t = ctx.timestamp();
    List<ContainerStatus> containers = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      ContainerStatusBuilder s = containerBase(c).withReady(!finishes).withStarted(!finishes);
      if (finishes) {
        s.withNewState()
            .withNewTerminated()
            .withExitCode(0)
            .withReason("Completed")
            .withStartedAt(t)
            .withFinishedAt(t)
            .endTerminated()
            .endState();
      } else {
        s.withNewState().withNewRunning().withStartedAt(t).endRunning().endState();
      }
      containers.add(s.build());
    }
    return base(pod, finishes ? "Succeeded" : "Running")
        .withConditions(conditions(!finishes, "PodCompleted"))
        .withContainerStatuses(containers)
        .build();
  }

  private PodStatus failing(Pod pod, PodFailure failure, Instant due) {
    int restarts =
        failure == PodFailure.CrashLoopBackOff
            ? 1 + (int) (Duration.between(due, ctx.now()).toMillis() / CRASH_BACKOFF.toMillis())
            : 0;
    List<ContainerStatus> containers = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      String message =
          failure == PodFailure.CrashLoopBackOff
              ? "back-off 10s restarting failed container="
                  + c.getName()
                  + " pod="
                  + pod.getMetadata().getName()
              : "Back-off pulling image \"" + c.getImage() + "\" (sandbox simulation)";
      ContainerStatusBuilder s =
          containerBase(c)
              .withRestartCount(restarts)
              .withNewState()
              .withNewWaiting()
              .withReason(failure.name())
              .withMessage(message)
              .endWaiting()
              .endState();
      if (failure == PodFailure.CrashLoopBackOff) {
        s.withNewLastState()
            .withNewTerminated()
            .withExitCode(1)
            .withReason("Error")
            .endTerminated()
            .endLastState();
      }
      containers.add(s.build());
    }
    ctx.passAfter(CRASH_BACKOFF);
    return base(pod, failure == PodFailure.CrashLoopBackOff ? "Running" : "Pending")
        .withConditions(conditions(false, "ContainersNotReady"))
        .withContainerStatuses(containers)
        .build();
  }

  private static ContainerStatusBuilder containerBase(Container c) {
    return new ContainerStatusBuilder()
        .withName(c.getName())
        .withImage(c.getImage())
        .withImageID("")
        .withReady(false)
        .withStarted(false)
        .withRestartCount(0);
  }

  private static String restartPolicy(Pod pod) {
    String p = pod.getSpec().getRestartPolicy();
    return p == null ? "Always" : p;
  }
}
