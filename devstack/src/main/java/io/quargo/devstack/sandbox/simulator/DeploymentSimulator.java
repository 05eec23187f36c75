package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Deployment controller: one ReplicaSet per pod-template revision (old ones scaled to zero once
 * the new one is fully ready, no surge arithmetic) and the Deployment status a real cluster
 * reports.
 */
final class DeploymentSimulator {
  static final String REVISION = "deployment.kubernetes.io/revision";
  private final SimContext ctx;

  DeploymentSimulator(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(List<Deployment> deployments, List<ReplicaSet> replicaSets) {
    for (Deployment d : deployments) {
      if (d.getMetadata().getDeletionTimestamp() == null) {
        reconcile(d, replicaSets.stream().filter(rs -> SimContext.controlledBy(rs, d)).toList());
      }
    }
  }

  private void reconcile(Deployment d, List<ReplicaSet> owned) {
    String ns = d.getMetadata().getNamespace();
    String hash = PodTemplates.hash(d.getSpec().getTemplate());
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int maxRevision = owned.stream().mapToInt(DeploymentSimulator::revision).max().orElse(0);
    ReplicaSet current =
        owned.stream()
            .filter(rs -> hash.equals(label(rs, "pod-template-hash")))
            .findFirst()
            .orElse(null);
    if (current == null) {
      ctx.client
          .apps()
          .replicaSets()
          .inNamespace(ns)
          .resource(newReplicaSet(d, hash, maxRevision + 1))
          .create();
      return; // the next pass sees it with its pods
    }
    boolean rollback = revision(current) < maxRevision;
    if (rollback || !Objects.equals(current.getSpec().getReplicas(), replicas)) {
      current.getSpec().setReplicas(replicas);
      if (rollback) {
        current.getMetadata().getAnnotations().put(REVISION, String.valueOf(maxRevision + 1));
      }
      current
          .getMetadata()
          .getAnnotations()
          .put("deployment.kubernetes.io/desired-replicas", "" + replicas);
      current.getMetadata().setResourceVersion(null);
      ctx.client.apps().replicaSets().inNamespace(ns).resource(current).update();
      return;
    }
    int currentReady = readyOf(current);
    List<ReplicaSet> old = new ArrayList<>(owned);
    old.remove(current);
    if (currentReady >= replicas) {
      for (ReplicaSet rs : old) {
        if (rs.getSpec().getReplicas() == null || rs.getSpec().getReplicas() != 0) {
          rs.getSpec().setReplicas(0);
          rs.getMetadata().setResourceVersion(null);
          ctx.client.apps().replicaSets().inNamespace(ns).resource(rs).update();
        }
      }
    }
    writeStatus(d, current, owned, replicas);
  }

  private ReplicaSet newReplicaSet(Deployment d, String hash, int revision) {
    Map<String, String> labels = new HashMap<>();
    if (d.getSpec().getTemplate().getMetadata().getLabels() != null) {
      labels.putAll(d.getSpec().getTemplate().getMetadata().getLabels());
    }
    labels.put("pod-template-hash", hash);
    var template = Serialization.clone(d.getSpec().getTemplate());
    template.getMetadata().setLabels(labels);
    var selector = Serialization.clone(d.getSpec().getSelector());
    selector.getMatchLabels().put("pod-template-hash", hash);
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(d.getMetadata().getName() + "-" + hash)
        .withNamespace(d.getMetadata().getNamespace())
        .withLabels(labels)
        .addToAnnotations(REVISION, String.valueOf(revision))
        .addToAnnotations("deployment.kubernetes.io/desired-replicas", String.valueOf(replicas))
        .addToAnnotations("deployment.kubernetes.io/max-replicas", String.valueOf(replicas + 1))
        .withOwnerReferences(SimContext.controllerRef(d))
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withSelector(selector)
        .withTemplate(template)
        .endSpec()
        .build();
  }

  private void writeStatus(Deployment d, ReplicaSet current, List<ReplicaSet> owned, int replicas) {
    int total =
        owned.stream()
            .mapToInt(rs -> intOr(rs.getStatus() == null ? null : rs.getStatus().getReplicas()))
            .sum();
    int ready = owned.stream().mapToInt(DeploymentSimulator::readyOf).sum();
    int updated = current.getStatus() == null ? 0 : intOr(current.getStatus().getReplicas());
    int currentReady = readyOf(current);
    boolean available = ready >= replicas - maxUnavailable(d, replicas);
    boolean complete = currentReady >= replicas && updated == replicas && total == replicas;
    DeploymentStatus old = d.getStatus();
    String rsName = current.getMetadata().getName();
    DeploymentCondition availableCond =
        Conditions.deployment(
            old,
            "Available",
            available,
            available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            available
                ? "Deployment has minimum availability."
                : "Deployment does not have minimum availability.",
            ctx.timestamp());
    DeploymentCondition progressing = progressing(d, old, complete, rsName);
    DeploymentStatus status =
        new DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(total == 0 ? null : total)
            .withUpdatedReplicas(updated == 0 ? null : updated)
            .withReadyReplicas(ready == 0 ? null : ready)
            .withAvailableReplicas(ready == 0 ? null : ready)
            .withUnavailableReplicas(
                Math.max(0, replicas - ready) == 0 ? null : Math.max(0, replicas - ready))
            .withConditions(availableCond, progressing)
            .build();
    if (!Objects.equals(status, old)) {
      d.setStatus(status);
      d.getMetadata().setResourceVersion(null);
      ctx.client
          .apps()
          .deployments()
          .inNamespace(d.getMetadata().getNamespace())
          .resource(d)
          .updateStatus();
    }
  }

  private DeploymentCondition progressing(
      Deployment d, DeploymentStatus old, boolean complete, String rs) {
    if (complete) {
      return Conditions.deployment(
          old,
          "Progressing",
          true,
          "NewReplicaSetAvailable",
          "ReplicaSet \"" + rs + "\" has successfully progressed.",
          ctx.timestamp());
    }
    DeploymentCondition running =
        Conditions.deployment(
            old,
            "Progressing",
            true,
            "ReplicaSetUpdated",
            "ReplicaSet \"" + rs + "\" is progressing.",
            ctx.timestamp());
    int deadline =
        d.getSpec().getProgressDeadlineSeconds() == null
            ? 600
            : d.getSpec().getProgressDeadlineSeconds();
    Instant since = Instant.parse(running.getLastUpdateTime());
    if (ctx.now().isAfter(since.plusSeconds(deadline))) {
      return Conditions.deployment(
          old,
          "Progressing",
          false,
          "ProgressDeadlineExceeded",
          "ReplicaSet \"" + rs + "\" has timed out progressing.",
          ctx.timestamp());
    }
    ctx.passAfter(java.time.Duration.between(ctx.now(), since.plusSeconds(deadline + 1)));
    return running;
  }

  private static int maxUnavailable(Deployment d, int replicas) {
    IntOrString v =
        d.getSpec().getStrategy() == null || d.getSpec().getStrategy().getRollingUpdate() == null
            ? null
            : d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable();
    if (d.getSpec().getStrategy() != null
        && "Recreate".equals(d.getSpec().getStrategy().getType())) {
      return replicas;
    }
    if (v == null) {
      return replicas / 4; // 25%, rounded down
    }
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    int percent = Integer.parseInt(v.getStrVal().replace("%", "").trim());
    return replicas * percent / 100;
  }

  static int revision(ReplicaSet rs) {
    Map<String, String> a = rs.getMetadata().getAnnotations();
    return a == null ? 0 : Integer.parseInt(a.getOrDefault(REVISION, "0"));
  }

  static int readyOf(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : intOr(rs.getStatus().getReadyReplicas());
  }

  private static int intOr(Integer i) {
    return i == null ? 0 : i;
  }

  private static String label(ReplicaSet rs, String key) {
    return rs.getMetadata().getLabels() == null ? null : rs.getMetadata().getLabels().get(key);
  }
}
