package io.quargo.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A request to workflow-engine about one Workflow, on {@link Topics#WORKFLOW_COMMANDS}.
 *
 * <p>One record with an {@link Action}, like {@link RolloutCommand}. For {@code submit}, {@code
 * name} is the Workflow to create and {@code fromKind}/{@code fromName} name the template ({@code
 * WorkflowTemplate}, {@code ClusterWorkflowTemplate} or {@code CronWorkflow}, as {@code argo submit
 * --from}).
 *
 * @param nodeFieldSelector for {@code resume}, {@code stop}, {@code retry}: which nodes (Argo's
 *     {@code --node-field-selector}), null for all
 * @param message for {@code stop}: the reason recorded on the Workflow
 * @param parameters for {@code submit}: workflow parameters ({@code -p name=value})
 */
public record WorkflowCommand(
    String namespace,
    String name,
    Action action,
    String fromKind,
    String fromName,
    Map<String, String> parameters,
    String nodeFieldSelector,
    String message,
    String operationId,
    String requestedBy,
    Instant requestedAt)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.workflow.command-requested.v1";

  /** What to do, as the {@code argo} CLI verbs. */
  public enum Action {
    @JsonProperty("submit")
    SUBMIT,
    @JsonProperty("suspend")
    SUSPEND,
    @JsonProperty("resume")
    RESUME,
    @JsonProperty("stop")
    STOP,
    @JsonProperty("terminate")
    TERMINATE,
    @JsonProperty("retry")
    RETRY
  }

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return QuargoEvent.key(namespace, name);
  }
}
