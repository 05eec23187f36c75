package io.quargo.appcontroller.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.diff.DiffEngine;
import io.quargo.appcontroller.diff.DiffOptions;
import io.quargo.appcontroller.diff.ResourceDiff;
import io.quargo.appcontroller.diff.ResourceKey;
import io.quargo.appcontroller.health.AppHealth;
import io.quargo.appcontroller.health.GroupKind;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.health.HealthStatus;
import io.quargo.appcontroller.health.ResourceHealth;
import io.quargo.appcontroller.kube.TrackedObjects;
import io.quargo.common.model.HealthStatusCode;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ResourceStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares an app's desired objects with its live ones: hooks left out (as Argo CD does), diff with
 * the app's ignoreDifferences, health per resource and for the app, images in use. Pure.
 */
public final class AppComparer {

  static final String HOOK = "argocd.argoproj.io/hook";
  static final String HELM_HOOK = "helm.sh/hook";
  static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /**
   * Whether the cluster serves a kind as namespaced: empty when it does not know the kind (a CRD
   * the same sync creates), which Argo CD treats as namespaced.
   */
  @FunctionalInterface
  public interface Scopes {
    Optional<Boolean> namespaced(String apiVersion, String kind);

    /** Knows no kind: target objects keep the namespace their manifest gives (or none). */
    Scopes NONE = (apiVersion, kind) -> Optional.of(false);
  }

  private final HealthAssessor healthAssessor;
  private final Scopes scopes;

  /** A comparer that leaves target objects' namespaces as rendered. */
  public AppComparer(HealthAssessor healthAssessor) {
    this(healthAssessor, Scopes.NONE);
  }

  /**
   * A comparer that puts the destination namespace on namespaced target objects without one, as
   * Argo CD's target state has it (so a diff shows no {@code namespace:} line).
   */
  public AppComparer(HealthAssessor healthAssessor, Scopes scopes) {
    this.healthAssessor = healthAssessor;
    this.scopes = scopes;
  }

  public Comparison compare(Application app, List<ObjectNode> desired, List<ObjectNode> live) {
    return compare(app, desired, live, scopes);
  }

  /** Compares with the kinds' scopes of the app's own destination cluster. */
  public Comparison compare(
      Application app, List<ObjectNode> desired, List<ObjectNode> live, Scopes scopes) {
    String namespace = Apps.destinationNamespace(app);
    List<ObjectNode> wanted =
        desired.stream()
            .filter(o -> !isHook(o))
            .map(o -> inNamespace(track(o, app), namespace, scopes))
            .toList();
    List<ObjectNode> present = live.stream().filter(o -> !isHook(o)).toList();
    DiffOptions options =
        DiffOptions.defaults()
            .withIgnoreDifferences(app.getSpec().getIgnoreDifferences())
            .withDefaultNamespace(namespace);
    List<ResourceDiff> diffs = new DiffEngine(options).diffAll(wanted, present);
    Map<ResourceKey, ObjectNode> liveByKey = new LinkedHashMap<>();
    present.forEach(o -> liveByKey.put(ResourceKey.of(o), o));
    Map<ResourceKey, ObjectNode> desiredByKey = new LinkedHashMap<>();
    wanted.forEach(
        o -> {
          ResourceKey key = ResourceKey.of(o);
          desiredByKey.put(key.namespace().isEmpty() ? key.inNamespace(namespace) : key, o);
        });

    List<ResourceStatus> resources = new ArrayList<>();
    List<ResourceHealth> healths = new ArrayList<>();
    for (ResourceDiff diff : diffs) {
      ObjectNode liveObject = liveByKey.get(diff.key());
      ObjectNode desiredObject = desiredByKey.get(diff.key());
      HealthStatus health =
          liveObject == null ? HealthStatus.missing("") : healthAssessor.assess(liveObject);
      if (liveObject == null || !AppHealth.excluded(liveObject)) {
        healths.add(
            new ResourceHealth(
                GroupKind.of(diff.group(), diff.kind()), diff.namespace(), diff.name(), health));
      }
      resources.add(status(diff, desiredObject != null ? desiredObject : liveObject, health));
    }
    HealthStatus appHealth = AppHealth.aggregate(healths);
    return new Comparison(
        wanted,
        diffs,
        liveByKey,
        DiffEngine.syncStatus(diffs),
        appHealth,
        resources,
        images(present));
  }

  private static ResourceStatus status(ResourceDiff diff, ObjectNode object, HealthStatus health) {
    ResourceStatus r = new ResourceStatus();
    r.setGroup(diff.group());
    String apiVersion = object.path("apiVersion").asText("");
    r.setVersion(
        apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion);
    r.setKind(diff.kind());
    r.setNamespace(diff.namespace().isEmpty() ? null : diff.namespace());
    r.setName(diff.name());
    r.setStatus(
        diff.status() == io.quargo.common.model.SyncStatusCode.SYNCED ? "Synced" : "OutOfSync");
    io.quargo.common.model.application.HealthStatus h =
        new io.quargo.common.model.application.HealthStatus();
    h.setStatus(Apps.argoName(health.status()));
    if (health.message() != null && !health.message().isEmpty()) {
      h.setMessage(health.message());
    }
    r.setHealth(h);
    if (diff.requiresPruning()) {
      r.setRequiresPruning(true);
    }
    String wave = object.path("metadata").path("annotations").path(SYNC_WAVE).asText("");
    if (!wave.isBlank()) {
      try {
        r.setSyncWave(Long.parseLong(wave.trim()));
      } catch (NumberFormatException e) {
        // the sync engine reports the bad annotation; the status just leaves the wave out
      }
    }
    return r;
  }

  /**
   * The object with the app's tracking label, as the sync applies it and as Argo CD's target state
   * has it: a live object that lost the label is OutOfSync, and a diff shows no label change.
   */
  private static ObjectNode track(ObjectNode object, Application app) {
    return TrackedObjects.track(object.deepCopy(), app.getMetadata().getName());
  }

  /**
   * {@code object} with {@code namespace} when it has none and its kind is namespaced (or unknown).
   */
  private static ObjectNode inNamespace(ObjectNode object, String namespace, Scopes scopes) {
    JsonNode metadata = object.path("metadata");
    if (namespace == null
        || namespace.isBlank()
        || !metadata.path("namespace").asText("").isEmpty()) {
      return object;
    }
    boolean namespaced =
        scopes
            .namespaced(object.path("apiVersion").asText(""), object.path("kind").asText(""))
            .orElse(true);
    if (namespaced) {
      object.withObjectProperty("metadata").put("namespace", namespace);
    }
    return object;
  }

  /** Whether {@code object} is an Argo or Helm hook (never part of the app's resources). */
  static boolean isHook(JsonNode object) {
    JsonNode annotations = object.path("metadata").path("annotations");
    String hook = annotations.path(HOOK).asText("");
    return (!hook.isEmpty() && !"Skip".equals(hook)) || annotations.has(HELM_HOOK);
  }

  /** Container images of live workloads and pods, sorted. */
  static List<String> images(List<ObjectNode> live) {
    TreeSet<String> images = new TreeSet<>();
    for (ObjectNode object : live) {
      for (JsonNode spec :
          List.of(
              object.path("spec"),
              object.path("spec").path("template").path("spec"),
              object.path("spec").path("jobTemplate").path("spec").path("template").path("spec"))) {
        for (String list : List.of("containers", "initContainers")) {
          spec.path(list)
              .forEach(
                  c -> {
                    if (c.hasNonNull("image")) {
                      images.add(c.get("image").asText());
                    }
                  });
        }
      }
    }
    return List.copyOf(images);
  }

  static boolean isMissing(HealthStatus health) {
    return health.status() == HealthStatusCode.MISSING;
  }
}
