package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Job controller: spec.completions pods (default 1); Complete once all have succeeded. */
final class JobSimulator {
  private final SimContext ctx;

  JobSimulator(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(List<Job> jobs, List<Pod> pods) {
    for (Job job : jobs) {
      if (job.getMetadata().getDeletionTimestamp() != null || finished(job)) {
        continue;
      }
      String ns = job.getMetadata().getNamespace();
      String name = job.getMetadata().getName();
      String uid = job.getMetadata().getUid();
      int completions = job.getSpec().getCompletions() == null ? 1 : job.getSpec().getCompletions();
      List<Pod> owned = pods.stream().filter(p -> SimContext.controlledBy(p, job)).toList();
      int succeeded = (int) owned.stream().filter(PodStates::succeeded).count();
      int active = (int) owned.stream().filter(PodStates::active).count();
      for (int i = succeeded + active; i < completions; i++) {
        Pod pod =
            PodTemplates.newPod(
                job.getSpec().getTemplate(),
                job,
                name + "-" + PodTemplates.suffix(),
                Map.of(
                    "job-name", name,
                    "batch.kubernetes.io/job-name", name,
                    "controller-uid", uid,
                    "batch.kubernetes.io/controller-uid", uid));
        ctx.client.pods().inNamespace(ns).resource(pod).create();
      }
      writeStatus(job, owned, succeeded, active, completions);
    }
  }

  private void writeStatus(Job job, List<Pod> owned, int succeeded, int active, int completions) {
    JobStatus old = job.getStatus();
    String start = old != null && old.getStartTime() != null ? old.getStartTime() : ctx.timestamp();
    int ready = (int) owned.stream().filter(PodStates::active).filter(PodStates::ready).count();
    JobStatusBuilder status =
        new JobStatusBuilder()
            .withStartTime(start)
            .withActive(active == 0 ? null : active)
            .withSucceeded(succeeded == 0 ? null : succeeded)
            .withReady(ready)
            .withTerminating(0)
            .withUncountedTerminatedPods(null);
    if (succeeded >= completions) {
      String now = ctx.timestamp();
      status
          .withCompletionTime(now)
          .withConditions(
              condition(
                  "SuccessCriteriaMet",
                  "CompletionsReached",
                  "Reached expected number of succeeded pods",
                  now),
              condition(
                  "Complete",
                  "CompletionsReached",
                  "Reached expected number of succeeded pods",
                  now));
    }
    JobStatus built = status.build();
    if (!Objects.equals(built, old)) {
      job.setStatus(built);
      job.getMetadata().setResourceVersion(null);
      ctx.client
          .batch()
          .v1()
          .jobs()
          .inNamespace(job.getMetadata().getNamespace())
          .resource(job)
          .updateStatus();
    }
  }

  private static JobCondition condition(String type, String reason, String message, String now) {
    JobCondition c = new JobCondition();
    c.setType(type);
    c.setStatus("True");
    c.setReason(reason);
    c.setMessage(message);
    c.setLastProbeTime(now);
    c.setLastTransitionTime(now);
    return c;
  }

  private static boolean finished(Job job) {
    return job.getStatus() != null
        && job.getStatus().getConditions().stream()
            .anyMatch(
                c ->
                    ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                        && "True".equals(c.getStatus()));
  }
}
