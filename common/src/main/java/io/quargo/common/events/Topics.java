package io.quargo.common.events;

/**
 * Kafka topic names (see each constant for producer, consumers and the record it carries).
 *
 * <p>A service maps a channel to a topic in its {@code application.properties}, e.g. {@code
 * mp.messaging.outgoing.app-events.topic=quargo.app.events}; Java code that names a topic uses
 * these constants.
 */
public final class Topics {

  /** repo-server → app-controller: {@link RepoRevisionChanged}. */
  public static final String REPO_REVISIONS = "quargo.repo.revisions";

  /** api-gateway, image-updater, events-bus → app-controller: {@link AppCommand}. */
  public static final String APP_COMMANDS = "quargo.app.commands";

  /** app-controller → api-gateway, image-updater, events-bus: {@link AppStatusChanged}. */
  public static final String APP_EVENTS = "quargo.app.events";

  /** image-updater → api-gateway, events-bus: {@link ImageUpdated}. */
  public static final String IMAGE_UPDATES = "quargo.image.updates";

  /** api-gateway, events-bus → rollouts-controller: {@link RolloutCommand}. */
  public static final String ROLLOUT_COMMANDS = "quargo.rollout.commands";

  /** rollouts-controller → api-gateway, events-bus: {@link RolloutStatusChanged}. */
  public static final String ROLLOUT_EVENTS = "quargo.rollout.events";

  /** api-gateway, events-bus → workflow-engine: {@link WorkflowCommand}. */
  public static final String WORKFLOW_COMMANDS = "quargo.workflow.commands";

  /** workflow-engine → api-gateway, events-bus: {@link WorkflowNodeChanged}. */
  public static final String WORKFLOW_EVENTS = "quargo.workflow.events";

  /** workflow-engine → its workers: {@link WorkflowTask}. */
  public static final String WORKFLOW_TASKS = "quargo.workflow.tasks";

  /** Prefix of an event bus topic; see {@link #eventBusTopic(String)}. */
  public static final String EVENT_BUS_PREFIX = "quargo.events.";

  /** Suffix of a dead-letter topic; see {@link #dlq(String)}. */
  public static final String DLQ_SUFFIX = ".dlq";

  private Topics() {}

  /**
   * The topic of an Argo Events EventBus ({@code quargo.events.<eventBusName>}), carrying {@link
   * BusEvent}; {@code eventBusName} is the EventBus's name, usually {@code default}.
   */
  public static String eventBusTopic(String eventBusName) {
    if (eventBusName == null || !eventBusName.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "event bus name \""
              + eventBusName
              + "\" is not a Kubernetes object name (lower-case letters, digits, '-', '.')");
    }
    return EVENT_BUS_PREFIX + eventBusName;
  }

  /**
   * The dead-letter topic of {@code topic} ({@code topic + ".dlq"}), carrying {@link DeadLetter}.
   */
  public static String dlq(String topic) {
    return topic + DLQ_SUFFIX;
  }
}
