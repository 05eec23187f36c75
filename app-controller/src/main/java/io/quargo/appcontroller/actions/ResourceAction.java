package io.quargo.appcontroller.actions;

/**
 * One action a live resource offers, as Argo CD lists it: its name, whether it is disabled now
 * (pause on a paused Deployment) and the icon Argo's UI shows for it.
 */
public record ResourceAction(String name, boolean disabled, String iconClass) {

  static ResourceAction enabled(String name, String iconClass) {
    return new ResourceAction(name, false, iconClass);
  }
}
