package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.client.RenderException;
import io.quargo.appcontroller.diff.ResourceDiff;
import io.quargo.appcontroller.reconcile.AppReconciler;
import io.quargo.appcontroller.reconcile.Apps;
import io.quargo.appcontroller.reconcile.Comparison;
import io.quargo.appcontroller.reconcile.Desired;
import io.quargo.appcontroller.reconcile.DesiredState;
import io.quargo.common.json.Json;
import io.quargo.common.model.SyncStatusCode;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationSource;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What an app would be at a revision: Argo CD's {@code GET .../manifests?revision=} (the rendered
 * manifests as JSON strings, with the resolved revision and source type) and, beyond Argo, {@code
 * GET .../diff?revision=}, per resource what a sync to that branch, tag or SHA would change against
 * the live objects (same comparison as the app's status), so a branch can be previewed before a
 * sync. An unknown app or revision is a 404 problem.
 */
@Path("/api/v1/applications/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class RevisionResource {

  private final ApplicationRepository apps;
  private final DesiredState desiredState;
  private final AppReconciler reconciler;

  public RevisionResource(
      ApplicationRepository apps, DesiredState desiredState, AppReconciler reconciler) {
    this.apps = apps;
    this.desiredState = desiredState;
    this.reconciler = reconciler;
  }

  /** Argo's ManifestResponse: {@code manifests, namespace, server, revision, sourceType}. */
  @GET
  @Path("/manifests")
  public ObjectNode manifests(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String namespace,
      @QueryParam("revision") String revision) {
    Application app = apps.get(ns(namespace), name);
    Desired desired = render(app, revision);
    ObjectNode response = Json.mapper().createObjectNode();
    ArrayNode manifests = response.putArray("manifests");
    desired.manifests().forEach(m -> manifests.add(m.toString()));
    response.put("namespace", Apps.destinationNamespace(app));
    var destination = app.getSpec().getDestination();
    response.put("server", destination.getServer() == null ? "" : destination.getServer());
    response.put("revision", desired.revision());
    response.put("sourceType", desired.sourceType());
    return response;
  }

  /**
   * The change a sync to {@code revision} (default: the app's target revision) would make: {@code
   * {revision, items: [{group, kind, namespace, name, status, change, targetState, liveState,
   * differences}]}}, where {@code change} is {@code none}, {@code create}, {@code update} or {@code
   * prune} (live only; removed by a sync with prune) and {@code differences} the JSON pointers that
   * differ.
   */
  @GET
  @Path("/diff")
  public ObjectNode diff(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String namespace,
      @QueryParam("revision") String revision) {
    Application app = apps.get(ns(namespace), name);
    String sha = render(app, revision).revision();
    Comparison comparison;
    try {
      comparison = reconciler.compare(atRevision(app, sha));
    } catch (RenderException e) {
      throw renderProblem(app, e);
    }
    ObjectNode response = Json.mapper().createObjectNode();
    response.put("revision", sha);
    response.put(
        "status", comparison.syncStatus() == SyncStatusCode.SYNCED ? "Synced" : "OutOfSync");
    ArrayNode items = response.putArray("items");
    for (ResourceDiff diff : comparison.diffs()) {
      ObjectNode item = items.addObject();
      item.put("group", diff.group());
      item.put("kind", diff.kind());
      item.put("namespace", diff.namespace());
      item.put("name", diff.name());
      item.put("status", diff.status() == SyncStatusCode.SYNCED ? "Synced" : "OutOfSync");
      item.put("change", change(diff));
      item.put("targetState", text(diff.normalizedDesired()));
      item.put("liveState", text(diff.normalizedLive()));
      diff.differences().forEach(item.withArrayProperty("differences")::add);
    }
    return response;
  }

  private static String change(ResourceDiff diff) {
    if (diff.requiresPruning()) {
      return "prune";
    }
    if (diff.missing()) {
      return "create";
    }
    return diff.status() == SyncStatusCode.SYNCED ? "none" : "update";
  }

  private Desired render(Application app, String revision) {
    try {
      return desiredState.render(app, revision == null || revision.isBlank() ? null : revision);
    } catch (RenderException e) {
      throw renderProblem(app, e);
    }
  }

  /** A copy of {@code app} whose first rendered source targets {@code revision}. */
  private static Application atRevision(Application app, String revision) {
    Application copy = Json.mapper().convertValue(app, Application.class);
    if (!revision.isEmpty()) {
      var sources = Apps.renderedSources(copy);
      if (!sources.isEmpty()) {
        ApplicationSource first = sources.get(0);
        first.setTargetRevision(revision);
      }
    }
    return copy;
  }

  private static ProblemException renderProblem(Application app, RenderException e) {
    int status = e.status() == 0 ? 502 : e.status() == 404 ? 404 : 422;
    return new ProblemException(
        status,
        "cannot render application "
            + app.getMetadata().getNamespace()
            + "/"
            + app.getMetadata().getName()
            + ": "
            + e.getMessage());
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.toString();
  }

  private static String ns(String namespace) {
    return namespace == null || namespace.isBlank()
        ? ApplicationRepository.DEFAULT_NAMESPACE
        : namespace;
  }
}
