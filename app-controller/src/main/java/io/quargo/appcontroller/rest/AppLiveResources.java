package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.cluster.ClusterAccess;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.common.model.application.Application;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the live object of a resource in an app's tree on the app's destination cluster, as Argo
 * CD's resource routes name it (group, version, kind, namespace, name): a 404 problem when the
 * resource is not part of the app (so no route reads or changes objects outside it) or is gone.
 */
@ApplicationScoped
public class AppLiveResources {

  /** A live resource of an app, with the cluster access and API kind to change it. */
  public record LiveResource(
      Application app,
      ClusterAccess access,
      ApiKind apiKind,
      String namespace,
      String name,
      ObjectNode live) {

    public String group() {
      return apiKind.group();
    }

    public String kind() {
      return apiKind.kind();
    }
  }

  private final ApplicationRepository apps;
  private final ResourceTreeBuilder trees;
  private final ClusterClients clusters;

  public AppLiveResources(
      ApplicationRepository apps, ResourceTreeBuilder trees, ClusterClients clusters) {
    this.apps = apps;
    this.trees = trees;
    this.clusters = clusters;
  }

  /**
   * The live object of resource {@code kind} {@code resourceName} of app {@code appName}; blank
   * group and namespace mean the core group and a cluster-scoped object, a blank version is taken
   * from the app's tree.
   */
  public LiveResource locate(
      String appNamespace,
      String appName,
      String group,
      String version,
      String kind,
      String namespace,
      String resourceName) {
    String g = group == null ? "" : group;
    String ns = namespace == null ? "" : namespace;
    Application app =
        apps.get(
            appNamespace == null || appNamespace.isBlank()
                ? ApplicationRepository.DEFAULT_NAMESPACE
                : appNamespace,
            appName);
    String what = kind + " " + (g.isEmpty() ? "" : g + " ") + resourceName;
    JsonNode node = null;
    for (JsonNode candidate : trees.tree(app).path("nodes")) {
      if (candidate.path("group").asText("").equals(g)
          && candidate.path("kind").asText().equals(kind)
          && candidate.path("namespace").asText("").equals(ns)
          && candidate.path("name").asText().equals(resourceName)) {
        node = candidate;
      }
    }
    if (node == null) {
      throw ProblemException.notFound(what + " as part of application " + appName);
    }
    String v = version == null || version.isBlank() ? node.path("version").asText() : version;
    String apiVersion = g.isEmpty() ? v : g + "/" + v;
    ClusterAccess access = clusters.forApp(app);
    ApiKind apiKind =
        access
            .objects()
            .catalog()
            .find(apiVersion, kind)
            .orElseThrow(() -> ProblemException.notFound("API " + apiVersion + " " + kind));
    String liveNamespace = ns.isEmpty() ? null : ns;
    ObjectNode live =
        access
            .objects()
            .get(apiKind, liveNamespace, resourceName)
            .orElseThrow(() -> ProblemException.notFound(what));
    return new LiveResource(app, access, apiKind, liveNamespace, resourceName, live);
  }
}
