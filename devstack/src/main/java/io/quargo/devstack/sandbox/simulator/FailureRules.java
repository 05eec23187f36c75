package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.quargo.devstack.sandbox.PodFailure;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The pod failures asked for: by namespace and labels, or by the pod's own annotation. */
public final class FailureRules {
  private record Rule(String namespace, Map<String, String> labels, PodFailure failure) {}

  private final CopyOnWriteArrayList<Rule> rules = new CopyOnWriteArrayList<>();

  /** Pods in {@code namespace} carrying all {@code labels} fail from now on. */
  public void add(String namespace, Map<String, String> labels, PodFailure failure) {
    rules.add(0, new Rule(namespace, Map.copyOf(labels), failure));
  }

  /** The failure this pod should show, if any; the pod's annotation wins over rules. */
  public Optional<PodFailure> failureOf(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(PodFailure.ANNOTATION)) {
      return Optional.of(PodFailure.parse(annotations.get(PodFailure.ANNOTATION)));
    }
    Map<String, String> podLabels =
        pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    return rules.stream()
        .filter(r -> r.namespace().equals(pod.getMetadata().getNamespace()))
        .filter(r -> podLabels.entrySet().containsAll(r.labels().entrySet()))
        .map(Rule::failure)
        .findFirst();
  }
}
