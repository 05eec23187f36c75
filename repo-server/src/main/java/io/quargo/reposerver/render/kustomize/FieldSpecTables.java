package io.quargo.reposerver.render.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * Kustomize's default field specs for labels, annotations, images and replicas (its
 * builtinpluginconsts), expressed as tables: which fields of which kinds hold labels and selectors.
 */
final class FieldSpecTables {

  private FieldSpecTables() {}

  private static final List<String> AFFINITY_SELECTORS =
      List.of(
          "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
          "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
          "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
          "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
          "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels");

  /** metadata/labels of everything plus pod template labels (kustomize's templateLabels). */
  static List<FieldSpec> templateLabels() {
    return metadataAndTemplates("labels");
  }

  /** commonLabels: metadata, templates, selectors and affinity selectors. */
  static List<FieldSpec> commonLabels() {
    List<FieldSpec> specs = new ArrayList<>();
    specs.add(new FieldSpec("", "v1", "Service", "spec/selector", true));
    specs.add(new FieldSpec("", "v1", "ReplicationController", "spec/selector", true));
    specs.add(FieldSpec.of("Deployment", "spec/selector/matchLabels", true));
    for (String path : AFFINITY_SELECTORS) {
      specs.add(new FieldSpec("apps", "", "Deployment", path, false));
    }
    specs.add(FieldSpec.of("ReplicaSet", "spec/selector/matchLabels", true));
    specs.add(FieldSpec.of("DaemonSet", "spec/selector/matchLabels", true));
    specs.add(new FieldSpec("apps", "", "StatefulSet", "spec/selector/matchLabels", true));
    for (String path : AFFINITY_SELECTORS) {
      specs.add(new FieldSpec("apps", "", "StatefulSet", path, false));
    }
    specs.add(new FieldSpec("batch", "", "Job", "spec/selector/matchLabels", false));
    specs.add(
        new FieldSpec("batch", "", "CronJob", "spec/jobTemplate/spec/selector/matchLabels", false));
    specs.add(
        new FieldSpec("policy", "", "PodDisruptionBudget", "spec/selector/matchLabels", false));
    String np = "networking.k8s.io";
    specs.add(new FieldSpec(np, "", "NetworkPolicy", "spec/podSelector/matchLabels", false));
    specs.add(
        new FieldSpec(np, "", "NetworkPolicy", "spec/ingress/from/podSelector/matchLabels", false));
    specs.add(
        new FieldSpec(np, "", "NetworkPolicy", "spec/egress/to/podSelector/matchLabels", false));
    specs.addAll(templateLabels());
    return specs;
  }

  static List<FieldSpec> commonAnnotations() {
    return metadataAndTemplates("annotations");
  }

  private static List<FieldSpec> metadataAndTemplates(String field) {
    List<FieldSpec> specs = new ArrayList<>();
    specs.add(FieldSpec.all("metadata/" + field, true));
    String template = "spec/template/metadata/" + field;
    specs.add(new FieldSpec("", "v1", "ReplicationController", template, true));
    specs.add(FieldSpec.of("Deployment", template, true));
    specs.add(FieldSpec.of("ReplicaSet", template, true));
    specs.add(FieldSpec.of("DaemonSet", template, true));
    specs.add(
        new FieldSpec(field.equals("labels") ? "apps" : "", "", "StatefulSet", template, true));
    specs.add(new FieldSpec("batch", "", "Job", template, true));
    specs.add(new FieldSpec("batch", "", "CronJob", "spec/jobTemplate/metadata/" + field, true));
    specs.add(
        new FieldSpec(
            "batch", "", "CronJob", "spec/jobTemplate/spec/template/metadata/" + field, true));
    if (field.equals("labels")) {
      specs.add(
          new FieldSpec(
              "apps", "", "StatefulSet", "spec/volumeClaimTemplates/metadata/labels", true));
    }
    return specs;
  }

  /** Image fields kustomize's images transformer visits after every containers list. */
  static List<FieldSpec> images() {
    // Kustomize 5.6 (kubectl 1.33) does not yet touch image volumes (spec.volumes[].image); later
    // kustomize versions do. We follow 5.6, the version Argo CD users compare against today.
    return List.of(
        FieldSpec.all("spec/containers/image", false),
        FieldSpec.all("spec/initContainers/image", false),
        FieldSpec.all("spec/template/spec/containers/image", false),
        FieldSpec.all("spec/template/spec/initContainers/image", false));
  }

  static List<FieldSpec> replicas() {
    return List.of(
        FieldSpec.of("Deployment", "spec/replicas", true),
        FieldSpec.of("ReplicationController", "spec/replicas", true),
        FieldSpec.of("ReplicaSet", "spec/replicas", true),
        FieldSpec.of("StatefulSet", "spec/replicas", true));
  }
}
