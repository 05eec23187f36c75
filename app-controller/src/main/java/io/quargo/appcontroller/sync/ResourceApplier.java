package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.common.json.Json;

/**
 * Writes one desired object: Replace (PUT, or create), server-side apply (force, our field
 * manager), or kubectl's client-side three-way merge keeping {@value #LAST_APPLIED}. The mode is
 * decided once per engine (= per cluster), see {@link ApplyMode#AUTO}. Thread-safe.
 *
 * <p>Forced (the sync strategy's {@code force} or {@code Force=true}), as Argo CD does with
 * kubectl: an apply the server refuses (422 Invalid such as "field is immutable", or 409) deletes
 * the object and creates it again ({@code kubectl apply --force}); with {@code Replace=true} the
 * object is always deleted and created ({@code kubectl replace --force}). An explicit {@code
 * ServerSideApply=true} is never recreated, as kubectl's server-side apply ignores {@code --force};
 * server-side apply chosen by {@link ApplyMode#AUTO} is, since Argo would have applied client-side.
 */
final class ResourceApplier {

  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final ClusterWrites cluster;
  private final SyncConfig config;
  private final ForcedRecreation recreation;
  private volatile Boolean serverSideSupported;

  ResourceApplier(ClusterObjects cluster, SyncConfig config) {
    this(ClusterWrites.of(cluster), config);
  }

  ResourceApplier(ClusterWrites cluster, SyncConfig config) {
    this.cluster = cluster;
    this.config = config;
    this.recreation = new ForcedRecreation(cluster, config);
    this.serverSideSupported =
        switch (config.applyMode()) {
          case SERVER_SIDE -> Boolean.TRUE;
          case CLIENT_SIDE -> Boolean.FALSE;
          case AUTO -> null;
        };
  }

  /** Whether this engine applies server-side; null until the first apply decided it. */
  Boolean serverSideSupported() {
    return serverSideSupported;
  }

  /** Applies {@code desired} over {@code live} (null when absent) as its options say. */
  String apply(ApiKind kind, ObjectNode desired, ObjectNode live, SyncOptionSet options) {
    return apply(kind, desired, live, options, false);
  }

  /**
   * Applies {@code desired} over {@code live} (null when absent), forced when {@code force} or
   * {@code Force=true}; returns a short message.
   */
  String apply(
      ApiKind kind, ObjectNode desired, ObjectNode live, SyncOptionSet options, boolean force) {
    boolean forced =
        (force || options.force()) && live != null && ForcedRecreation.allowedFor(kind);
    if (options.replace()) {
      if (live == null) {
        cluster.create(kind, desired);
        return "created";
      }
      if (forced) {
        return recreation.recreate(
            kind,
            live,
            () -> {
              cluster.create(kind, desired);
              return "replaced (force: deleted and created again)";
            });
      }
      cluster.replace(kind, desired, live.path("metadata").path("resourceVersion").asText(null));
      return "replaced";
    }
    try {
      return applyOnce(kind, desired, live, options);
    } catch (KubernetesClientException e) {
      if (!forced || options.serverSideApply() || !ForcedRecreation.refusedChange(e)) {
        throw e;
      }
      return recreation.recreate(
          kind,
          live,
          () -> {
            applyOnce(kind, desired, null, options);
            return "configured (force: deleted and created again; the server refused the change: "
                + ForcedRecreation.reason(e)
                + ")";
          });
    }
  }

  /** Server-side apply or the client-side merge, without Replace or force. */
  private String applyOnce(
      ApiKind kind, ObjectNode desired, ObjectNode live, SyncOptionSet options) {
    boolean serverSide =
        options.serverSideApply()
            || (!options.clientSideApply() && !Boolean.FALSE.equals(serverSideSupported));
    if (serverSide) {
      String message = serverSideApply(kind, desired, live, options.serverSideApply());
      if (message != null) {
        return message;
      }
      // the probe may have written the object as a plain merge: merge over what is there now
      String namespace = desired.path("metadata").path("namespace").asText(null);
      String name = desired.path("metadata").path("name").asText();
      ObjectNode current = cluster.get(kind, namespace, name).orElse(null);
      String verb = clientSideApply(kind, desired, current);
      return live == null ? "created" : verb;
    }
    return clientSideApply(kind, desired, live);
  }

  /** Server-side apply; null when the server turned out not to support it (then merge instead). */
  private String serverSideApply(
      ApiKind kind, ObjectNode desired, ObjectNode live, boolean forced) {
    ObjectNode applied;
    try {
      applied = cluster.serverSideApply(kind, desired, config.fieldManager());
    } catch (KubernetesClientException e) {
      int code = e.getCode();
      if (!forced && serverSideSupported == null && (code == 404 || code == 405 || code == 415)) {
        serverSideSupported = false;
        return null;
      }
      throw e;
    }
    if (!forced && serverSideSupported == null) {
      boolean tracksFields = applied.path("metadata").path("managedFields").size() > 0;
      serverSideSupported = tracksFields;
      if (!tracksFields) {
        return null; // applied as a plain merge: redo it as a three-way merge with last-applied
      }
    }
    return live == null ? "created (server-side apply)" : "configured (server-side apply)";
  }

  private String clientSideApply(ApiKind kind, ObjectNode desired, ObjectNode live) {
    ObjectNode clean = desired.deepCopy();
    annotations(clean).remove(LAST_APPLIED);
    if (annotations(clean).isEmpty()) {
      ((ObjectNode) clean.get("metadata")).remove("annotations");
    }
    ObjectNode withLastApplied = clean.deepCopy();
    annotations(withLastApplied).put(LAST_APPLIED, Json.toJson(clean));
    if (live == null) {
      cluster.create(kind, withLastApplied);
      return "created";
    }
    ObjectNode lastApplied = lastApplied(live);
    ObjectNode patch = ThreeWayMerge.patch(lastApplied, withLastApplied, live);
    if (patch.isEmpty()) {
      return "unchanged";
    }
    String namespace = live.path("metadata").path("namespace").asText(null);
    cluster.mergePatch(kind, namespace, live.path("metadata").path("name").asText(), patch);
    return "configured";
  }

  private static ObjectNode lastApplied(ObjectNode live) {
    String text = live.path("metadata").path("annotations").path(LAST_APPLIED).asText("");
    if (text.isEmpty()) {
      return null;
    }
    try {
      JsonNode parsed = Json.mapper().readTree(text);
      return parsed.isObject() ? (ObjectNode) parsed : null;
    } catch (Exception e) {
      return null; // unreadable: behave as kubectl does for objects never applied
    }
  }

  private static ObjectNode annotations(ObjectNode object) {
    ObjectNode metadata = object.with("metadata");
    return metadata.with("annotations");
  }
}
