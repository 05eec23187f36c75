package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.appcontroller.kube.TrackedObjects;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates every task before anything is written. The sandbox has no server-side dry run, so this
 * checks client-side what the API server would refuse: a kind the cluster does not serve (unless
 * its CRD is in the sync or {@code SkipDryRunOnMissingResource=true}), a missing name, a namespace
 * that neither exists nor will be created, label and annotation values that are not strings or
 * names that are not DNS subdomains (skipped with {@code Validate=false}), and, with {@code
 * FailOnSharedResource=true}, a live object tracked by another app.
 */
final class DryRun {

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final ClusterObjects cluster;
  private final Map<String, Boolean> namespaces = new HashMap<>();

  DryRun(ClusterObjects cluster) {
    this.cluster = cluster;
  }

  /** Marks invalid tasks SyncFailed with the reason; true when all are valid. */
  boolean validate(List<SyncTask> tasks, SyncRequest request, SyncOptionSet appOptions) {
    boolean valid = true;
    for (SyncTask task : tasks) {
      if (task.isPrune()) {
        continue;
      }
      String error = check(task, tasks, request, appOptions);
      if (error != null) {
        task.status = ResultCode.SYNC_FAILED;
        task.message = error;
        valid = false;
      }
    }
    return valid;
  }

  private String check(
      SyncTask task, List<SyncTask> tasks, SyncRequest request, SyncOptionSet appOptions) {
    JsonNode target = task.target;
    String apiVersion = target.path("apiVersion").asText("");
    String kind = target.path("kind").asText("");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return "the manifest has no apiVersion or kind; every object needs both";
    }
    if (task.name().isEmpty()) {
      return "%s has neither metadata.name nor metadata.generateName; give it a name"
          .formatted(kind);
    }
    ApiKind apiKind = task.apiKind;
    if (apiKind == null) {
      if (task.options.skipDryRunOnMissingResource() || crdInSync(tasks, apiVersion, kind)) {
        task.skipDryRun = true;
        return null;
      }
      return ("the server could not find the requested resource: %s %s is not served by the"
              + " cluster; install its CRD first or set SkipDryRunOnMissingResource=true")
          .formatted(apiVersion, kind);
    }
    if (apiKind.namespaced()) {
      String namespace = task.namespace();
      if (namespace.isEmpty()) {
        return "namespaced %s %s has no namespace and the app has no destination namespace"
            .formatted(kind, task.name());
      }
      if (!namespaceAvailable(namespace, tasks, request, appOptions)) {
        return ("namespaces \"%s\" not found: create it in Git, or set CreateNamespace=true with"
                + " it as the destination namespace")
            .formatted(namespace);
      }
    }
    if (task.options.validate()) {
      String invalid = validateFields(target);
      if (invalid != null) {
        return invalid + " (set Validate=false to skip client-side validation)";
      }
    }
    if (task.options.failOnSharedResource() && task.live != null) {
      String owner =
          task.live.path("metadata").path("labels").path(TrackedObjects.INSTANCE_LABEL).asText("");
      if (!owner.isEmpty() && !owner.equals(request.appName())) {
        return "%s is part of application %s and FailOnSharedResource=true forbids sharing it"
            .formatted(task.key(), owner);
      }
    }
    return null;
  }

  private static String validateFields(JsonNode target) {
    String name = target.path("metadata").path("name").asText("");
    if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      return "metadata.name \"%s\" is not a DNS subdomain (lower case letters, digits, '-' and '.')"
          .formatted(name);
    }
    for (String field : List.of("labels", "annotations")) {
      var entries = target.path("metadata").path(field).fields();
      while (entries.hasNext()) {
        var entry = entries.next();
        if (!entry.getValue().isTextual()) {
          return "metadata.%s.%s of %s must be a string, not %s; quote it"
              .formatted(field, entry.getKey(), name, entry.getValue());
        }
      }
    }
    return null;
  }

  private boolean namespaceAvailable(
      String namespace, List<SyncTask> tasks, SyncRequest request, SyncOptionSet appOptions) {
    if (appOptions.createNamespace() && namespace.equals(request.destinationNamespace())) {
      return true;
    }
    for (SyncTask task : tasks) {
      if (!task.isPrune()
          && "Namespace".equals(task.key().kind())
          && task.key().group().isEmpty()
          && namespace.equals(task.name())) {
        return true;
      }
    }
    return namespaces.computeIfAbsent(
        namespace, ns -> cluster.client().namespaces().withName(ns).get() != null);
  }

  private static boolean crdInSync(List<SyncTask> tasks, String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    for (SyncTask task : tasks) {
      if (!task.isPrune() && "CustomResourceDefinition".equals(task.key().kind())) {
        JsonNode spec = task.target.path("spec");
        if (spec.path("group").asText("").equals(group)
            && spec.path("names").path("kind").asText("").equals(kind)) {
          return true;
        }
      }
    }
    return false;
  }
}
