package io.quargo.appcontroller.declarative;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who owns a stored app or project: the API (no mark) or a custom resource in the app namespace
 * (the {@value #ANNOTATION} annotation). The mark decides whether a resource may change or delete
 * the stored object, so an API-created app is never taken over by a resource of the same name.
 */
public final class Ownership {

  /** Marks a stored app or project as imported from its custom resource. */
  public static final String ANNOTATION = "quargo.io/managed-by";

  /** The annotation's value. */
  public static final String FROM_RESOURCE = "argoproj-custom-resource";

  /** Argo CD's finalizer: deleting the Application deletes its live objects too. */
  public static final String RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";

  private Ownership() {}

  /** Whether the stored object was imported from a custom resource. */
  public static boolean fromResource(ObjectMeta stored) {
    return stored.getAnnotations() != null
        && FROM_RESOURCE.equals(stored.getAnnotations().get(ANNOTATION));
  }

  /** The resource's annotations plus the mark. */
  static Map<String, String> marked(Map<String, String> annotations) {
    Map<String, String> result =
        annotations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(annotations);
    result.put(ANNOTATION, FROM_RESOURCE);
    return result;
  }

  /**
   * Whether deleting the resource cascades to the live objects: Argo's finalizer, plain or with a
   * {@code /foreground} or {@code /background} propagation suffix.
   */
  static boolean cascades(List<String> finalizers) {
    return finalizers != null
        && finalizers.stream()
            .anyMatch(
                f -> f.equals(RESOURCES_FINALIZER) || f.startsWith(RESOURCES_FINALIZER + "/"));
  }

  /** The propagation policy the finalizer names ({@code background}), or null for foreground. */
  static String propagation(List<String> finalizers) {
    return finalizers != null && finalizers.contains(RESOURCES_FINALIZER + "/background")
        ? "background"
        : null;
  }
}
