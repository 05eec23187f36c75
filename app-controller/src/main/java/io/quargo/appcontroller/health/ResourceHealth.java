package io.quargo.appcontroller.health;

/** The health of one managed resource of an app, named for the app's health message. */
public record ResourceHealth(
    GroupKind groupKind, String namespace, String name, HealthStatus health) {

  /** "group/Kind:namespace/name" as Argo names the causes of an app's health. */
  public String describe() {
    String ref = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    return groupKind + ":" + ref;
  }
}
