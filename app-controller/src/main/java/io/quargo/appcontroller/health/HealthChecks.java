package io.quargo.appcontroller.health;

import java.util.LinkedHashMap;
import java.util.Map;

/** The built-in checks by group and kind, as gitops-engine and Argo CD's bundled Lua checks. */
public final class HealthChecks {

  private HealthChecks() {}

  /** A new, mutable map of the built-in checks; add or replace entries to customise. */
  public static Map<GroupKind, HealthCheck> builtIn() {
    Map<GroupKind, HealthCheck> checks = new LinkedHashMap<>();
    checks.put(GroupKind.of("apps", "Deployment"), new DeploymentHealth());
    checks.put(GroupKind.of("apps", "StatefulSet"), new StatefulSetHealth());
    checks.put(GroupKind.of("apps", "DaemonSet"), new DaemonSetHealth());
    checks.put(GroupKind.of("apps", "ReplicaSet"), new ReplicaSetHealth());
    checks.put(GroupKind.of("", "Pod"), new PodHealth());
    checks.put(GroupKind.of("", "Service"), new ServiceHealth());
    checks.put(GroupKind.of("", "PersistentVolumeClaim"), new PersistentVolumeClaimHealth());
    checks.put(GroupKind.of("networking.k8s.io", "Ingress"), new IngressHealth());
    checks.put(GroupKind.of("extensions", "Ingress"), new IngressHealth());
    checks.put(GroupKind.of("batch", "Job"), new JobHealth());
    checks.put(GroupKind.of("batch", "CronJob"), new CronJobHealth());
    checks.put(
        GroupKind.of("autoscaling", "HorizontalPodAutoscaler"),
        new HorizontalPodAutoscalerHealth());
    checks.put(GroupKind.of("apiregistration.k8s.io", "APIService"), new ApiServiceHealth());
    checks.put(GroupKind.of("argoproj.io", "Rollout"), new RolloutHealth());
    checks.put(GroupKind.of("argoproj.io", "Workflow"), new WorkflowHealth());
    checks.put(GroupKind.of("argoproj.io", "Application"), new ApplicationHealth());
    return checks;
  }
}
