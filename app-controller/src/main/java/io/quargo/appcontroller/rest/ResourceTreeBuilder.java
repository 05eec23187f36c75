package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.cluster.ClusterAccess;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.cluster.UnknownClusterException;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.health.HealthStatus;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.appcontroller.reconcile.Apps;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo CD's resource tree of an app: its tracked objects and, through ownerReferences, what
 * controllers made from them (Deployment → ReplicaSet → Pod, StatefulSet/DaemonSet/Job → Pod,
 * CronJob → Job), each node with parentRefs and health. Read from the app's destination cluster
 * (its {@code spec.destination}); an app whose destination is not registered has no tree.
 */
@ApplicationScoped
public class ResourceTreeBuilder {

  /** Kinds looked at as children, with their API versions. */
  private static final List<String[]> CHILD_KINDS =
      List.of(
          new String[] {"apps/v1", "ReplicaSet"},
          new String[] {"v1", "Pod"},
          new String[] {"batch/v1", "Job"});

  private final ClusterClients clusters;
  private final HealthAssessor health;

  public ResourceTreeBuilder(ClusterClients clusters, HealthAssessor health) {
    this.clusters = clusters;
    this.health = health;
  }

  /** {@code {"nodes": [...]}} for {@code app}, from its destination cluster. */
  public ObjectNode tree(Application app) {
    ObjectNode result = Json.mapper().createObjectNode();
    ArrayNode nodes = result.putArray("nodes");
    ClusterAccess access;
    try {
      access = clusters.forApp(app);
    } catch (UnknownClusterException e) {
      return result; // the app's InvalidSpecError condition says why
    }
    ClusterObjects cluster = access.objects();
    List<ObjectNode> roots = access.tracked().of(app.getMetadata().getName());
    Map<String, ObjectNode> byUid = new LinkedHashMap<>();
    roots.forEach(o -> byUid.put(uid(o), o));
    Set<String> namespaces = new LinkedHashSet<>();
    roots.forEach(o -> namespaces.add(o.path("metadata").path("namespace").asText("")));
    namespaces.remove("");
    List<ObjectNode> candidates = new ArrayList<>();
    for (String namespace : namespaces) {
      for (String[] kind : CHILD_KINDS) {
        cluster
            .catalog()
            .find(kind[0], kind[1])
            .ifPresent(k -> candidates.addAll(list(cluster, k, namespace)));
      }
    }
    boolean added = true;
    while (added) {
      added = false;
      for (ObjectNode candidate : candidates) {
        if (byUid.containsKey(uid(candidate))) {
          continue;
        }
        for (JsonNode owner : candidate.path("metadata").path("ownerReferences")) {
          if (byUid.containsKey(owner.path("uid").asText())) {
            byUid.put(uid(candidate), candidate);
            added = true;
            break;
          }
        }
      }
    }
    byUid.values().forEach(o -> nodes.add(node(o, byUid)));
    return result;
  }

  private static List<ObjectNode> list(ClusterObjects cluster, ApiKind kind, String namespace) {
    List<ObjectNode> result = new ArrayList<>();
    for (var item :
        cluster
            .client()
            .genericKubernetesResources(kind.context())
            .inNamespace(namespace)
            .list()
            .getItems()) {
      ObjectNode o = ClusterObjects.tree(item);
      o.put("apiVersion", kind.apiVersion());
      o.put("kind", kind.kind());
      result.add(o);
    }
    return result;
  }

  private ObjectNode node(ObjectNode object, Map<String, ObjectNode> byUid) {
    ObjectNode node = Json.mapper().createObjectNode();
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    node.put("group", slash < 0 ? "" : apiVersion.substring(0, slash));
    node.put("version", slash < 0 ? apiVersion : apiVersion.substring(slash + 1));
    node.put("kind", object.path("kind").asText());
    JsonNode meta = object.path("metadata");
    if (meta.hasNonNull("namespace")) {
      node.put("namespace", meta.get("namespace").asText());
    }
    node.put("name", meta.path("name").asText());
    node.put("uid", meta.path("uid").asText());
    node.put("resourceVersion", meta.path("resourceVersion").asText());
    if (meta.hasNonNull("creationTimestamp")) {
      node.put("createdAt", meta.get("creationTimestamp").asText());
    }
    ArrayNode parents = node.putArray("parentRefs");
    for (JsonNode owner : meta.path("ownerReferences")) {
      ObjectNode parent = byUid.get(owner.path("uid").asText());
      if (parent == null) {
        continue;
      }
      ObjectNode ref = parents.addObject();
      String ownerVersion = owner.path("apiVersion").asText("");
      ref.put(
          "group",
          ownerVersion.contains("/") ? ownerVersion.substring(0, ownerVersion.indexOf('/')) : "");
      ref.put("kind", owner.path("kind").asText());
      if (meta.hasNonNull("namespace")) {
        ref.put("namespace", meta.get("namespace").asText());
      }
      ref.put("name", owner.path("name").asText());
      ref.put("uid", owner.path("uid").asText());
    }
    if (parents.isEmpty()) {
      node.remove("parentRefs");
    }
    HealthStatus h = health.assess(object);
    ObjectNode healthNode = node.putObject("health");
    healthNode.put("status", Apps.argoName(h.status()));
    if (!h.message().isEmpty()) {
      healthNode.put("message", h.message());
    }
    ArrayNode images = Json.mapper().createArrayNode();
    for (String image : imagesOf(object)) {
      images.add(image);
    }
    if (!images.isEmpty()) {
      node.set("images", images);
    }
    return node;
  }

  private static List<String> imagesOf(ObjectNode object) {
    Map<String, Boolean> seen = new HashMap<>();
    List<String> images = new ArrayList<>();
    for (JsonNode c : object.path("spec").path("containers")) {
      if (c.hasNonNull("image") && seen.putIfAbsent(c.get("image").asText(), true) == null) {
        images.add(c.get("image").asText());
      }
    }
    return images;
  }

  private static String uid(JsonNode object) {
    String uid = object.path("metadata").path("uid").asText("");
    return uid.isEmpty()
        ? object.path("kind").asText()
            + "/"
            + object.path("metadata").path("namespace").asText()
            + "/"
            + object.path("metadata").path("name").asText()
        : uid;
  }
}
