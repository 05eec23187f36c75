package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** What every simulated controller shares: the client, the failure rules, the clock, the delay. */
final class SimContext {
  final KubernetesClient client;
  final FailureRules failures;
  final Duration podStartDelay;
  final Clock clock;
  private final Consumer<Duration> passRequester;

  SimContext(
      KubernetesClient client,
      FailureRules failures,
      Duration podStartDelay,
      Clock clock,
      Consumer<Duration> passRequester) {
    this.client = client;
    this.failures = failures;
    this.podStartDelay = podStartDelay;
    this.clock = clock;
    this.passRequester = passRequester;
  }

  Instant now() {
    return clock.instant();
  }

  /** Now as a Kubernetes timestamp (RFC 3339, seconds). */
  String timestamp() {
    return now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Asks for another reconcile pass after {@code after}. */
  void passAfter(Duration after) {
    passRequester.accept(after);
  }

  /** The controller owner reference a built-in controller puts on what it creates. */
  static OwnerReference controllerRef(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** Whether {@code owned} is controlled by {@code owner} (same uid). */
  static boolean controlledBy(HasMetadata owned, HasMetadata owner) {
    return owned.getMetadata().getOwnerReferences().stream()
        .anyMatch(
            r ->
                Boolean.TRUE.equals(r.getController())
                    && r.getUid().equals(owner.getMetadata().getUid()));
  }
}
