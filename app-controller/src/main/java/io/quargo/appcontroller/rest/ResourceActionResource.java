package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.actions.ActionChange;
import io.quargo.appcontroller.actions.ActionRegistry;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.reconcile.Apps;
import io.quargo.appcontroller.reconcile.ReconcileQueue;
import io.quargo.appcontroller.rest.AppLiveResources.LiveResource;
import io.quargo.common.json.Json;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argo CD's resource actions on a live resource of the app's tree, named by {@code
 * ?namespace=&resourceName=&version=&group=&kind=}: {@code GET .../resource/actions} lists them as
 * {@code {actions: [{name, disabled, iconClass}]}}, {@code POST .../resource/actions} runs one
 * (body: the action's name as a JSON string, as Argo's {@code body: "action"}, or {@code {action}})
 * and {@code POST .../resource/actions/v2} takes Argo's ResourceActionRunRequestV2 with every field
 * in the body, the action's {@code resourceActionParameters: [{name, value}]} among them ({@code
 * scale}'s {@code replicas}). A missing or invalid parameter is a 400 naming it, and nothing
 * changes. A resource outside the app is a 404; an action the kind lacks a 400 listing those it
 * has. The app is reconciled after a run so its status shows the change.
 */
@Path("/api/v1/applications/{name}/resource/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ResourceActionResource {

  private static final String[] TARGET = {
    "appNamespace", "namespace", "resourceName", "version", "group", "kind"
  };

  private final AppLiveResources resources;
  private final ActionRegistry actions;
  private final ReconcileQueue queue;

  public ResourceActionResource(
      AppLiveResources resources, ActionRegistry actions, ReconcileQueue queue) {
    this.resources = resources;
    this.actions = actions;
    this.queue = queue;
  }

  @GET
  public ObjectNode list(@PathParam("name") String name, @Context UriInfo uri) {
    LiveResource target = locate(name, targetOf(uri, null));
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
    LiveResource target = locate(name, targetOf(uri, request.isObject() ? request : null));
    ActionChange change =
        actions.change(
            target.group(), target.kind(), action, target.live(), Instant.now(), params(request));
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

  /**
   * Argo's {@code resourceActionParameters: [{name, value}]} of an object body as a map by name;
   * empty when absent, a 400 naming the field when it has another shape.
   */
  private static Map<String, String> params(JsonNode request) {
    JsonNode list = request.path("resourceActionParameters");
    if (list.isMissingNode() || list.isNull()) {
      return Map.of();
    }
    if (!list.isArray()) {
      throw ProblemException.invalid("resourceActionParameters", "must be a list of {name, value}");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode param = list.get(i);
      String at = "resourceActionParameters[" + i + "]";
      if (!param.path("name").isTextual() || param.path("name").asText().isBlank()) {
        throw ProblemException.invalid(at + ".name", "is required and must be a string");
      }
      JsonNode value = param.path("value");
      if (!value.isMissingNode() && !value.isNull() && !value.isValueNode()) {
        throw ProblemException.invalid(at + ".value", "must be a string");
      }
      params.put(param.get("name").asText(), value.isValueNode() ? value.asText() : null);
    }
    return params;
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
  private LiveResource locate(String name, ObjectNode query) {
    String resourceName = query.path("resourceName").asText();
    String kind = query.path("kind").asText();
    if (resourceName.isBlank() || kind.isBlank()) {
      throw ProblemException.badRequest(
          "resourceName and kind are required (with version, group and namespace as in the tree)");
    }
    return resources.locate(
        query.path("appNamespace").asText(),
        name,
        query.path("group").asText(),
        query.path("version").asText(),
        kind,
        query.path("namespace").asText(),
        resourceName);
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
}
