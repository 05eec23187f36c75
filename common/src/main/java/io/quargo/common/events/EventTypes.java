package io.quargo.common.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every Quargo event type: CloudEvents type ↔ record class. */
public final class EventTypes {

  /** Every concrete event record (the variants of {@link AppCommand}, not the interface). */
  public static final List<Class<? extends QuargoEvent>> ALL =
      List.of(
          RepoRevisionChanged.class,
          AppCommand.Refresh.class,
          AppCommand.Sync.class,
          AppCommand.Rollback.class,
          AppCommand.Delete.class,
          AppStatusChanged.class,
          ImageUpdated.class,
          RolloutCommand.class,
          RolloutStatusChanged.class,
          WorkflowCommand.class,
          WorkflowNodeChanged.class,
          WorkflowTask.class,
          BusEvent.class,
          DeadLetter.class);

  private static final Map<String, Class<? extends QuargoEvent>> BY_TYPE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

  private EventTypes() {}

  /** The record class for a {@code ce_type}, empty for a type Quargo does not know. */
  public static Optional<Class<? extends QuargoEvent>> classOf(String ceType) {
    return Optional.ofNullable(ceType).map(BY_TYPE::get);
  }

  /** The CloudEvents type of an event record class (its {@code TYPE} constant). */
  public static String typeOf(Class<? extends QuargoEvent> eventClass) {
    try {
      return (String) eventClass.getField("TYPE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          eventClass.getName() + " must declare public static final String TYPE", e);
    }
  }
}
