package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One action a live resource offers, as Argo CD lists it: its name, whether it is disabled now
 * (pause on a paused Deployment), the icon Argo's UI shows for it and, for an action that takes
 * input ({@code scale}), its {@code params} with {@code hasParameters}, the {@code regexp} a value
 * must match and the {@code errorMessage} a UI shows when it does not; those are left out for an
 * action without input, as Argo's {@code omitempty} does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceAction(
    String name,
    boolean disabled,
    String iconClass,
    List<ActionParam> params,
    Boolean hasParameters,
    String errorMessage,
    String regexp) {

  /** An action without parameters. */
  public ResourceAction(String name, boolean disabled, String iconClass) {
    this(name, disabled, iconClass, null, null, null, null);
  }

  static ResourceAction enabled(String name, String iconClass) {
    return new ResourceAction(name, false, iconClass);
  }
}
