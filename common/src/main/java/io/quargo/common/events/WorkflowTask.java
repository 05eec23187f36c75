package io.quargo.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One ready workflow node for a worker to execute, on {@link Topics#WORKFLOW_TASKS}; keyed by the
 * Workflow, so a workflow's tasks stay on one partition.
 *
 * @param workflowName the Workflow's name
 * @param nodeId the node to run; with {@code attempt} it makes the execution idempotent
 * @param attempt 0 for the first try, then one more per retry
 * @param template the resolved Argo template ({@code container}, {@code script}, {@code http}...)
 *     as written in the Workflow, parameters substituted
 * @param inputs resolved input parameters
 */
public record WorkflowTask(
    String namespace,
    String workflowName,
    String nodeId,
    String templateName,
    int attempt,
    JsonNode template,
    Map<String, String> inputs,
    Instant readyAt)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.workflow.task-ready.v1";

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return QuargoEvent.key(namespace, workflowName);
  }
}
