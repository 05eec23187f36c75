package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.actions.ActionChange;
import io.quargo.appcontroller.actions.ActionRegistry;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.cluster.ClusterAccess;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.reconcile.Apps;
import io.quargo.appcontroller.reconcile.ReconcileQueue;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/**
 * Argo CD's resource actions on a live resource of the app's tree, named by {@code
 * ?namespace=&resourceName=&version=&group=&kind=}: {@code GET .../resource/actions} lists them as
 * {@code {actions: [{name, disabled, iconClass}]}}, {@code POST .../resource/actions} runs one
 * (body: the action's name as a JSON string, as Argo's {@code body: "action"}, or {@code {action}})
 * and {@code POST .../resource/actions/v2} takes Argo's ResourceActionRunRequestV2 with every field
 * in the body. A resource outside the app is a 404; an action the kind lacks a 400 listing those it
 * has. The app is reconciled after a run so its status shows the change.
 */
@Path("/api/v1/applications/{name}/resource/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ResourceActionResource {

  private static final String[] TARGET = {
    "appNamespace", "namespace", "resourceName", "version", "group", "kind"
  };

  private final ApplicationRepository apps;
  private final ResourceTreeBuilder trees;
  private final ClusterClients clusters;
  private final ActionRegistry actions;
  private final ReconcileQueue queue;

  public ResourceActionResource(
      ApplicationRepository apps,
      ResourceTreeBuilder trees,
      ClusterClients clusters,
      ActionRegistry actions,
      ReconcileQueue queue) {
    this.apps = apps;
    this.trees = trees;
    this.clusters = clusters;
    this.actions = actions;
    this.queue = queue;
  }

  @GET
  public ObjectNode list(@PathParam("name") String name, @Context UriInfo uri) {
    Target target = locate(name, targetOf(uri, null));
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.set(
        "actions",
        Json.mapper().valueToTree(actions.available(target.group(), target.kind(), target.live())));
    return answer;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public ObjectNode run(@PathParam("name") String name, String body, @Context UriInfo uri) {
    JsonNode request = parse(body);
    String action = request.isTextual() ? request.asText() : request.path("action").asText("");
    if (action.isBlank()) {
      throw ProblemException.invalid(
          "action", "is required: the body is the action's name as a JSON string, or {action}");
    }
    Target target = locate(name, targetOf(uri, request.isObject() ? request : null));
    ActionChange change =
        actions.change(target.group(), target.kind(), action, target.live(), Instant.now());
    var objects = target.access().objects();
    if (change instanceof ActionChange.Patch patch) {
      objects.mergePatch(target.apiKind(), target.namespace(), target.name(), patch.patch());
    } else if (change instanceof ActionChange.Create create) {
      ObjectNode object = create.object();
      ApiKind kind =
          objects
              .catalog()
              .find(object.path("apiVersion").asText(), object.path("kind").asText())
              .orElseThrow(
                  () ->
                      new ProblemException(
                          500, "the cluster does not serve " + object.path("kind")));
      objects.create(kind, object);
    }
    queue.enqueue(Apps.key(target.app()));
    return Json.mapper().createObjectNode();
  }

  @POST
  @Path("/v2")
  @Consumes(MediaType.WILDCARD)
  public ObjectNode runV2(@PathParam("name") String name, String body, @Context UriInfo uri) {
    if (!parse(body).isObject()) {
      throw ProblemException.badRequest(
          "the body must be a ResourceActionRunRequestV2 {action, resourceName, kind, ...}");
    }
    return run(name, body, uri);
  }

  /** The query's resource fields, overridden by those of {@code body} (an object) when present. */
  private static ObjectNode targetOf(UriInfo uri, JsonNode body) {
    ObjectNode target = Json.mapper().createObjectNode();
    for (String field : TARGET) {
      String value = uri.getQueryParameters().getFirst(field);
      if (body != null && body.hasNonNull(field)) {
        value = body.get(field).asText();
      }
      target.put(field, value == null ? "" : value);
    }
    return target;
  }

  /** The live resource of the app's tree the request names; 404 when it is not part of it. */
  private Target locate(String name, ObjectNode query) {
    String resourceName = query.path("resourceName").asText();
    String kind = query.path("kind").asText();
    if (resourceName.isBlank() || kind.isBlank()) {
      throw ProblemException.badRequest(
          "resourceName and kind are required (with version, group and namespace as in the tree)");
    }
    String group = query.path("group").asText();
    String ns = query.path("namespace").asText();
    String appNamespace = query.path("appNamespace").asText();
    Application app =
        apps.get(
            appNamespace.isBlank() ? ApplicationRepository.DEFAULT_NAMESPACE : appNamespace, name);
    String what = kind + " " + (group.isEmpty() ? "" : group + " ") + resourceName;
    String version = query.path("version").asText();
    JsonNode node = null;
    for (JsonNode candidate : trees.tree(app).path("nodes")) {
      if (candidate.path("group").asText("").equals(group)
          && candidate.path("kind").asText().equals(kind)
          && candidate.path("namespace").asText("").equals(ns)
          && candidate.path("name").asText().equals(resourceName)) {
        node = candidate;
      }
    }
    if (node == null) {
      throw ProblemException.notFound(what + " as part of application " + name);
    }
    if (version.isBlank()) {
      version = node.path("version").asText();
    }
    ClusterAccess access = clusters.forApp(app);
    String apiVersion = group.isEmpty() ? version : group + "/" + version;
    ApiKind apiKind =
        access
            .objects()
            .catalog()
            .find(apiVersion, kind)
            .orElseThrow(() -> ProblemException.notFound("API " + apiVersion + " " + kind));
    String namespace = ns.isEmpty() ? null : ns;
    ObjectNode live =
        access
            .objects()
            .get(apiKind, namespace, resourceName)
            .orElseThrow(() -> ProblemException.notFound(what));
    return new Target(app, access, apiKind, namespace, resourceName, live);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return Json.mapper().nullNode();
    }
    try {
      return Json.mapper().readTree(body);
    } catch (Exception e) {
      throw ProblemException.badRequest("the body is not JSON: " + e.getMessage());
    }
  }

  /** A located live resource of an app. */
  private record Target(
      Application app,
      ClusterAccess access,
      ApiKind apiKind,
      String namespace,
      String name,
      ObjectNode live) {

    String group() {
      return apiKind.group();
    }

    String kind() {
      return apiKind.kind();
    }
  }
}
