package io.quargo.reposerver.render.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * Where objects refer to each other by name (kustomize's nameReference config): for each referred
 * kind, the fields of referrer kinds that hold its name. Pod specs are expanded for every workload.
 */
final class NameReferenceTable {

  /** One referred kind and the referrer fields naming it. */
  record Entry(Gvk referral, List<FieldSpec> referrers) {}

  private NameReferenceTable() {}

  /** Where each workload kind keeps its pod spec. */
  private static final List<String[]> POD_SPECS =
      List.of(
          new String[] {"Pod", "spec"},
          new String[] {"PodTemplate", "template/spec"},
          new String[] {"Deployment", "spec/template/spec"},
          new String[] {"ReplicaSet", "spec/template/spec"},
          new String[] {"DaemonSet", "spec/template/spec"},
          new String[] {"StatefulSet", "spec/template/spec"},
          new String[] {"ReplicationController", "spec/template/spec"},
          new String[] {"Job", "spec/template/spec"},
          new String[] {"CronJob", "spec/jobTemplate/spec/template/spec"});

  static final List<Entry> ENTRIES = build();

  private static List<Entry> build() {
    List<Entry> entries = new ArrayList<>();
    for (String kind :
        List.of("Deployment", "ReplicationController", "ReplicaSet", "StatefulSet")) {
      entries.add(
          new Entry(
              new Gvk("", "", kind),
              List.of(FieldSpec.of("HorizontalPodAutoscaler", "spec/scaleTargetRef/name", false))));
    }
    List<FieldSpec> configMap = new ArrayList<>();
    podFields(
        configMap,
        List.of(
            "volumes/configMap/name",
            "containers/env/valueFrom/configMapKeyRef/name",
            "initContainers/env/valueFrom/configMapKeyRef/name",
            "containers/envFrom/configMapRef/name",
            "initContainers/envFrom/configMapRef/name",
            "volumes/projected/sources/configMap/name"),
        false);
    configMap.add(FieldSpec.of("Role", "rules/resourceNames", false));
    configMap.add(FieldSpec.of("ClusterRole", "rules/resourceNames", false));
    configMap.add(
        FieldSpec.of(
            "Ingress",
            "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap",
            false));
    entries.add(new Entry(new Gvk("", "v1", "ConfigMap"), configMap));

    List<FieldSpec> secret = new ArrayList<>();
    podFields(
        secret,
        List.of(
            "volumes/secret/secretName",
            "containers/env/valueFrom/secretKeyRef/name",
            "initContainers/env/valueFrom/secretKeyRef/name",
            "containers/envFrom/secretRef/name",
            "initContainers/envFrom/secretRef/name",
            "imagePullSecrets/name",
            "volumes/projected/sources/secret/name"),
        false);
    secret.add(FieldSpec.of("Ingress", "spec/tls/secretName", false));
    secret.add(
        FieldSpec.of("Ingress", "metadata/annotations/ingress.kubernetes.io\\/auth-secret", false));
    secret.add(
        FieldSpec.of(
            "Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret", false));
    secret.add(
        FieldSpec.of(
            "Ingress",
            "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret",
            false));
    secret.add(FieldSpec.of("ServiceAccount", "imagePullSecrets/name", false));
    for (String p : List.of("secretName", "adminSecretName", "userSecretName", "secretRef")) {
      secret.add(FieldSpec.of("StorageClass", "parameters/" + p, false));
    }
    secret.add(FieldSpec.of("Role", "rules/resourceNames", false));
    secret.add(FieldSpec.of("ClusterRole", "rules/resourceNames", false));
    secret.add(FieldSpec.of("PersistentVolume", "spec/azureFile/secretName", false));
    entries.add(new Entry(new Gvk("", "v1", "Secret"), secret));

    List<FieldSpec> service = new ArrayList<>();
    service.add(new FieldSpec("apps", "", "StatefulSet", "spec/serviceName", false));
    service.add(FieldSpec.of("Ingress", "spec/rules/http/paths/backend/serviceName", false));
    service.add(FieldSpec.of("Ingress", "spec/backend/serviceName", false));
    service.add(FieldSpec.of("Ingress", "spec/rules/http/paths/backend/service/name", false));
    service.add(FieldSpec.of("Ingress", "spec/defaultBackend/service/name", false));
    service.add(
        new FieldSpec("apiregistration.k8s.io", "", "APIService", "spec/service/name", false));
    String admission = "admissionregistration.k8s.io";
    service.add(
        new FieldSpec(
            admission,
            "",
            "ValidatingWebhookConfiguration",
            "webhooks/clientConfig/service",
            false));
    service.add(
        new FieldSpec(
            admission, "", "MutatingWebhookConfiguration", "webhooks/clientConfig/service", false));
    entries.add(new Entry(new Gvk("", "v1", "Service"), service));

    String rbac = "rbac.authorization.k8s.io";
    entries.add(
        new Entry(
            new Gvk(rbac, "", "Role"),
            List.of(new FieldSpec(rbac, "", "RoleBinding", "roleRef/name", false))));
    entries.add(
        new Entry(
            new Gvk(rbac, "", "ClusterRole"),
            List.of(
                new FieldSpec(rbac, "", "RoleBinding", "roleRef/name", false),
                new FieldSpec(rbac, "", "ClusterRoleBinding", "roleRef/name", false))));

    List<FieldSpec> serviceAccount = new ArrayList<>();
    serviceAccount.add(new FieldSpec(rbac, "", "RoleBinding", "subjects", false));
    serviceAccount.add(new FieldSpec(rbac, "", "ClusterRoleBinding", "subjects", false));
    podFields(serviceAccount, List.of("serviceAccountName"), true);
    entries.add(new Entry(new Gvk("", "v1", "ServiceAccount"), serviceAccount));

    List<FieldSpec> claim = new ArrayList<>();
    podFields(claim, List.of("volumes/persistentVolumeClaim/claimName"), true);
    entries.add(new Entry(new Gvk("", "v1", "PersistentVolumeClaim"), claim));

    entries.add(
        new Entry(
            new Gvk("", "v1", "PersistentVolume"),
            List.of(
                FieldSpec.of("PersistentVolumeClaim", "spec/volumeName", false),
                FieldSpec.of("ClusterRole", "rules/resourceNames", false))));
    entries.add(
        new Entry(
            new Gvk("storage.k8s.io", "v1", "StorageClass"),
            List.of(
                FieldSpec.of("PersistentVolume", "spec/storageClassName", false),
                FieldSpec.of("PersistentVolumeClaim", "spec/storageClassName", false),
                FieldSpec.of(
                    "StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName", false))));
    List<FieldSpec> priority = new ArrayList<>();
    podFields(priority, List.of("priorityClassName"), true);
    entries.add(new Entry(new Gvk("scheduling.k8s.io", "v1", "PriorityClass"), priority));
    // kustomize's IngressClass entry names the group "networking.k8s.io/v1", which no object
    // has, so it never renames ingressClassName; leaving it out matches that.
    return entries;
  }

  private static void podFields(List<FieldSpec> into, List<String> paths, boolean workloadsOnly) {
    for (String[] pod : POD_SPECS) {
      if (workloadsOnly && (pod[0].equals("PodTemplate") || pod[0].equals("ReplicaSet"))) {
        continue;
      }
      for (String path : paths) {
        String version = pod[0].equals("Pod") ? "v1" : "";
        into.add(new FieldSpec("", version, pod[0], pod[1] + "/" + path, false));
      }
    }
  }
}
