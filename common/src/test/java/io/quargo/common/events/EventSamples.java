package io.quargo.common.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.model.NodePhase;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.model.RolloutPhase;
import io.quargo.common.model.SyncStatusCode;
import io.quargo.common.model.WorkflowPhase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One fully populated sample of every event record, with the JSON field names it must have. */
final class EventSamples {

  static final Instant AT = Instant.parse("2026-11-26T22:00:00.123Z");

  record Sample(QuargoEvent event, List<String> fields) {
    @Override
    public String toString() {
      return event.getClass().getSimpleName();
    }
  }

  private EventSamples() {}

  static List<Sample> all() {
    ObjectNode template = JsonNodeFactory.instance.objectNode();
    template.putObject("container").put("image", "alpine:3.20").putArray("command").add("echo");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("body").put("message", "hello").put("count", 3);
    return List.of(
        new Sample(
            new RepoRevisionChanged(
                "https://github.com/argoproj/argocd-example-apps.git",
                "refs/heads/master",
                "1111111111111111111111111111111111111111",
                "2222222222222222222222222222222222222222",
                List.of("guestbook/guestbook-ui-deployment.yaml"),
                AT,
                List.of("guestbook")),
            List.of(
                "repoUrl",
                "ref",
                "oldSha",
                "newSha",
                "changedPaths",
                "detectedAt",
                "affectedAppPaths")),
        new Sample(
            new AppCommand.Refresh("argocd", "guestbook", true, "op-1", "admin", AT),
            List.of(
                "command",
                "namespace",
                "name",
                "hard",
                "operationId",
                "requestedBy",
                "requestedAt")),
        new Sample(
            new AppCommand.Sync(
                "argocd",
                "guestbook",
                "HEAD",
                true,
                false,
                List.of(new ResourceRef("apps", "Deployment", "default", "guestbook-ui")),
                List.of("ServerSideApply=true"),
                "op-2",
                "admin",
                AT),
            List.of(
                "command",
                "namespace",
                "name",
                "revision",
                "prune",
                "dryRun",
                "resources",
                "syncOptions",
                "operationId",
                "requestedBy",
                "requestedAt")),
        new Sample(
            new AppCommand.Rollback(
                "argocd", "guestbook", 3, true, false, "op-3", "alice", AT, true),
            List.of(
                "command",
                "namespace",
                "name",
                "id",
                "prune",
                "dryRun",
                "operationId",
                "requestedBy",
                "requestedAt",
                "keepAutoSync")),
        new Sample(
            new AppCommand.Delete("argocd", "guestbook", true, "foreground", "op-4", "bob", AT),
            List.of(
                "command",
                "namespace",
                "name",
                "cascade",
                "propagationPolicy",
                "operationId",
                "requestedBy",
                "requestedAt")),
        new Sample(
            new AppStatusChanged(
                "argocd",
                "guestbook",
                SyncStatusCode.OUT_OF_SYNC,
                HealthStatusCode.PROGRESSING,
                OperationPhase.RUNNING,
                "op-2",
                "2222222222222222222222222222222222222222",
                "waiting for healthy state of apps/Deployment/guestbook-ui",
                AT),
            List.of(
                "namespace",
                "name",
                "syncStatus",
                "healthStatus",
                "operationPhase",
                "operationId",
                "revision",
                "message",
                "at")),
        new Sample(
            new ImageUpdated(
                "argocd",
                "guestbook",
                "ui",
                "ghcr.io/acme/guestbook-ui",
                "1.0.0",
                "1.1.0",
                "sha256:abc",
                "git",
                "3333333333333333333333333333333333333333",
                AT),
            List.of(
                "namespace",
                "name",
                "alias",
                "image",
                "oldTag",
                "newTag",
                "digest",
                "writeBackMethod",
                "commitSha",
                "at")),
        new Sample(
            new RolloutCommand(
                "default",
                "rollouts-demo",
                RolloutCommand.Action.SET_IMAGE,
                false,
                "app",
                "argoproj/rollouts-demo:yellow",
                "op-5",
                "admin",
                AT),
            List.of(
                "namespace",
                "name",
                "action",
                "full",
                "container",
                "image",
                "operationId",
                "requestedBy",
                "requestedAt")),
        new Sample(
            new RolloutStatusChanged(
                "default",
                "rollouts-demo",
                RolloutPhase.PAUSED,
                1,
                8,
                20,
                "687d76d795",
                "6f8c7c8b6d",
                false,
                "CanaryPauseStep",
                AT),
            List.of(
                "namespace",
                "name",
                "phase",
                "currentStepIndex",
                "stepCount",
                "canaryWeight",
                "stableRevision",
                "currentRevision",
                "aborted",
                "message",
                "at")),
        new Sample(
            new WorkflowCommand(
                "argo",
                "hello-world-x7k2p",
                WorkflowCommand.Action.SUBMIT,
                "WorkflowTemplate",
                "hello-world",
                Map.of("message", "hi"),
                "phase=Failed",
                "stopped by admin",
                "op-6",
                "admin",
                AT),
            List.of(
                "namespace",
                "name",
                "action",
                "fromKind",
                "fromName",
                "parameters",
                "nodeFieldSelector",
                "message",
                "operationId",
                "requestedBy",
                "requestedAt")),
        new Sample(
            new WorkflowNodeChanged(
                "argo",
                "steps-x7k2p",
                "steps-x7k2p-123",
                "steps-x7k2p[0].hello1",
                "hello1",
                "Pod",
                "whalesay",
                NodePhase.SUCCEEDED,
                WorkflowPhase.RUNNING,
                "done",
                Map.of("result", "42"),
                AT,
                AT.plusSeconds(5)),
            List.of(
                "namespace",
                "name",
                "nodeId",
                "nodeName",
                "displayName",
                "nodeType",
                "templateName",
                "phase",
                "workflowPhase",
                "message",
                "outputs",
                "startedAt",
                "finishedAt")),
        new Sample(
            new WorkflowTask(
                "argo",
                "steps-x7k2p",
                "steps-x7k2p-123",
                "whalesay",
                1,
                template,
                Map.of("message", "hello"),
                AT),
            List.of(
                "namespace",
                "workflowName",
                "nodeId",
                "templateName",
                "attempt",
                "template",
                "inputs",
                "readyAt")),
        new Sample(
            new BusEvent(
                "argo-events",
                "9d3c8f0e",
                "webhook",
                "example",
                "webhook",
                "application/json",
                body,
                AT),
            List.of(
                "namespace",
                "id",
                "eventSourceName",
                "eventName",
                "eventSourceType",
                "dataContentType",
                "data",
                "time")),
        new Sample(
            new DeadLetter(
                Topics.APP_COMMANDS,
                2,
                42L,
                "argocd/guestbook",
                "app-controller",
                "java.lang.IllegalStateException: boom",
                "{\"command\":\"sync\"}",
                Map.of("ce_type", AppCommand.Sync.TYPE),
                AT),
            List.of(
                "topic",
                "partition",
                "offset",
                "messageKey",
                "consumer",
                "error",
                "payload",
                "headers",
                "failedAt")));
  }
}
