package io.quargo.appcontroller.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds an app's live objects as Argo CD's default (label) tracking does: every object of every
 * listable kind that carries {@code app.kubernetes.io/instance: <appName>}, except the kinds Argo
 * CD excludes by default.
 */
public final class TrackedObjects {

  /** Argo CD's default tracking label. */
  public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";

  /** Puts the tracking label of {@code appName} on {@code object} (changed in place). */
  public static ObjectNode track(ObjectNode object, String appName) {
    object.withObjectProperty("metadata").withObjectProperty("labels").put(INSTANCE_LABEL, appName);
    return object;
  }

  /**
   * Kinds never tracked, as in Argo CD's default {@code resource.exclusions}: controllers copy the
   * Service's labels onto Endpoints and EndpointSlices, which the app does not own.
   */
  static final Set<String> EXCLUDED =
      Set.of(
          "/Endpoints",
          "discovery.k8s.io/EndpointSlice",
          "coordination.k8s.io/Lease",
          "/Event",
          "events.k8s.io/Event",
          "authentication.k8s.io/TokenReview",
          "authorization.k8s.io/SubjectAccessReview",
          "authorization.k8s.io/SelfSubjectAccessReview",
          "authorization.k8s.io/LocalSubjectAccessReview",
          "certificates.k8s.io/CertificateSigningRequest");

  private final ClusterObjects cluster;

  public TrackedObjects(ClusterObjects cluster) {
    this.cluster = cluster;
  }

  /**
   * The live objects labelled with {@code appName}, skipping objects a controller owns (pods of a
   * ReplicaSet copy the template's labels but belong to their owner, not to the app).
   */
  public List<ObjectNode> of(String appName) {
    List<ObjectNode> result = new ArrayList<>();
    for (ApiKind kind : cluster.catalog().listableKinds()) {
      if (EXCLUDED.contains(kind.group() + "/" + kind.kind())) {
        continue;
      }
      List<ObjectNode> objects;
      try {
        objects = cluster.listByLabel(kind, INSTANCE_LABEL, appName);
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404 || e.getCode() == 405 || e.getCode() == 403) {
          continue; // kind not listable here (or not for us): nothing tracked there
        }
        throw e;
      }
      for (ObjectNode object : objects) {
        if (!controlled(object)) {
          object.put("apiVersion", kind.apiVersion());
          object.put("kind", kind.kind());
          result.add(object);
        }
      }
    }
    return result;
  }

  private static boolean controlled(ObjectNode object) {
    for (var owner : object.path("metadata").path("ownerReferences")) {
      if (owner.path("controller").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }
}
