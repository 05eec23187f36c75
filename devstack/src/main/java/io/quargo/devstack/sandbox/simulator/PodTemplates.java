package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Pods made from a workload's pod template, names and template hashes as controllers make them. */
final class PodTemplates {
  // the alphabet Kubernetes uses for generated names and hashes (no vowels, no look-alikes)
  private static final String SAFE = "bcdfghjklmnpqrstvwxz2456789";

  private PodTemplates() {}

  /** A pod from {@code template} named {@code name}, controlled by {@code owner}. */
  static Pod newPod(
      PodTemplateSpec template, HasMetadata owner, String name, Map<String, String> extraLabels) {
    Map<String, String> labels = new HashMap<>();
    Map<String, String> annotations = new HashMap<>();
    if (template.getMetadata() != null) {
      if (template.getMetadata().getLabels() != null) {
        labels.putAll(template.getMetadata().getLabels());
      }
      if (template.getMetadata().getAnnotations() != null) {
        annotations.putAll(template.getMetadata().getAnnotations());
      }
    }
    labels.putAll(extraLabels);
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(labels)
        .withAnnotations(annotations)
        .withOwnerReferences(SimContext.controllerRef(owner))
        .endMetadata()
        .withSpec(Serialization.clone(template.getSpec()))
        .build();
  }

  /** A stable 10-character hash of a pod template, like pod-template-hash. */
  static String hash(PodTemplateSpec template) {
    return hash(Serialization.asJson(template), 10);
  }

  static String hash(String text, int length) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < length; i++) {
        out.append(SAFE.charAt((digest[i] & 0xff) % SAFE.length()));
      }
      return out.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A random 5-character suffix, as generateName gives. */
  static String suffix() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      out.append(SAFE.charAt(ThreadLocalRandom.current().nextInt(SAFE.length())));
    }
    return out.toString();
  }
}
