package io.quargo.common.events;

import io.quargo.common.model.NodePhase;
import io.quargo.common.model.WorkflowPhase;
import java.time.Instant;
import java.util.Map;

/**
 * A workflow node changed phase, on {@link Topics#WORKFLOW_EVENTS}; keyed by the Workflow.
 *
 * @param name the Workflow's name
 * @param nodeId the node's id ({@code status.nodes} key)
 * @param nodeName the node's full name, e.g. {@code hello[0].step-a}
 * @param nodeType Argo's node type: {@code Pod}, {@code Steps}, {@code StepGroup}, {@code DAG},
 *     {@code Retry}, {@code Skipped}, {@code Suspend}...
 * @param workflowPhase the whole Workflow's phase after this change
 * @param outputs the node's output parameters, empty when none
 */
public record WorkflowNodeChanged(
    String namespace,
    String name,
    String nodeId,
    String nodeName,
    String displayName,
    String nodeType,
    String templateName,
    NodePhase phase,
    WorkflowPhase workflowPhase,
    String message,
    Map<String, String> outputs,
    Instant startedAt,
    Instant finishedAt)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.workflow.node-changed.v1";

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return QuargoEvent.key(namespace, name);
  }
}
