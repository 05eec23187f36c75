package io.quargo.appcontroller.sync;

import java.util.List;

/**
 * Argo CD's (and Helm's) apply order of kinds within one wave: Namespaces and policy first, then
 * storage, CRDs, RBAC, Services, workloads, Ingress and APIService; other kinds come last.
 */
final class KindOrder {

  private static final List<String> KINDS =
      List.of(
          "Namespace",
          "NetworkPolicy",
          "ResourceQuota",
          "LimitRange",
          "PodSecurityPolicy",
          "PodDisruptionBudget",
          "ServiceAccount",
          "Secret",
          "SecretList",
          "ConfigMap",
          "StorageClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleList",
          "ClusterRoleBinding",
          "ClusterRoleBindingList",
          "Role",
          "RoleList",
          "RoleBinding",
          "RoleBindingList",
          "Service",
          "DaemonSet",
          "Pod",
          "ReplicationController",
          "ReplicaSet",
          "Deployment",
          "HorizontalPodAutoscaler",
          "StatefulSet",
          "Job",
          "CronJob",
          "IngressClass",
          "Ingress",
          "APIService");

  private KindOrder() {}

  /** The rank of {@code kind}: its index in the list, or after all listed kinds. */
  static int rank(String kind) {
    int index = KINDS.indexOf(kind);
    return index < 0 ? KINDS.size() : index;
  }
}
