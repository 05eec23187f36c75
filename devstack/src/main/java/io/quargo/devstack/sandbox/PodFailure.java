package io.quargo.devstack.sandbox;

/**
 * A pod failure the sandbox simulates: the container stays waiting with this reason and the pod
 * never becomes Ready. Set it with {@link SandboxCluster#failPods} or with the annotation {@value
 * #ANNOTATION} on a pod or a workload's pod template.
 */
public enum PodFailure {
  /** The image cannot be pulled; the kubelet backs off. */
  ImagePullBackOff,
  /** The first pull failed. */
  ErrImagePull,
  /** The container starts and exits again and again; restartCount grows. */
  CrashLoopBackOff;

  /**
   * The annotation that makes a pod fail, e.g. {@code sandbox.quargo.io/fail: ImagePullBackOff}.
   */
  public static final String ANNOTATION = "sandbox.quargo.io/fail";

  /** Parses an annotation value; names the allowed values when it is unknown. */
  public static PodFailure parse(String value) {
    for (PodFailure f : values()) {
      if (f.name().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        ANNOTATION
            + " \""
            + value
            + "\" is not a known failure; use ImagePullBackOff, ErrImagePull or CrashLoopBackOff");
  }
}
