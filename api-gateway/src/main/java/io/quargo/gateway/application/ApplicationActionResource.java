package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.client.AppControllerClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Argo CD's resource actions on a live resource of an app, named by {@code
 * ?namespace=&resourceName=&version=&group=&kind=}: listing them needs {@code get}; running one
 * needs {@code action/<group>/<kind>/<action>} on {@code <project>/<app>} (e.g. {@code
 * action/apps/Deployment/restart}). The run body is the action's name as a JSON string (Argo's
 * {@code body: "action"}) or {@code {action}}; on {@code .../actions/v2} it is Argo's
 * ResourceActionRunRequestV2, whose fields name the resource instead of the query and whose {@code
 * resourceActionParameters: [{name, value}]} (strings, as Argo's) are passed on: {@code scale}'s
 * {@code replicas}. A list of another shape is a 400 naming the entry, asked of no one;
 * app-controller judges the values.
 */
@Path("/api/v1/applications/{name}/resource/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationActionResource {

  private final AppControllerClient appController;
  private final AuthorizedApps apps;

  ApplicationActionResource(AppControllerClient appController, AuthorizedApps apps) {
    this.appController = appController;
    this.apps = apps;
  }

  /**
   * Argo's ResourceActionsListResponse {@code {actions: [{name, disabled, iconClass, params}]}}, an
   * action with input listing its {@code params} (name, default) and {@code hasParameters}, {@code
   * regexp}, {@code errorMessage}.
   */
  @GET
  public JsonNode list(@PathParam("name") String name, @Context UriInfo uri) {
    MultivaluedMap<String, String> query = ResourceTarget.of(uri.getQueryParameters(), null);
    apps.require(name, "get", query);
    return appController.listResourceActions(name, query);
  }

  /** Argo's RunResourceAction: answers {@code {}} once the action ran. */
  @POST
  @Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
  public JsonNode run(@PathParam("name") String name, JsonNode body, @Context UriInfo uri) {
    String action = body != null && body.isTextual() ? body.asText() : actionField(body);
    return run(name, action, parameters(body), ResourceTarget.of(uri.getQueryParameters(), body));
  }

  /** Argo's RunResourceActionV2: every field in the body. */
  @POST
  @Path("/v2")
  @Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
  public JsonNode runV2(@PathParam("name") String name, JsonNode body, @Context UriInfo uri) {
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest(
          "the body must be a ResourceActionRunRequestV2 {action, resourceName, kind, version,"
              + " group, namespace}");
    }
    return run(
        name,
        actionField(body),
        parameters(body),
        ResourceTarget.of(uri.getQueryParameters(), body));
  }

  private JsonNode run(
      String name, String action, JsonNode parameters, MultivaluedMap<String, String> query) {
    if (action == null || action.isBlank()) {
      throw ProblemException.invalid(
          "action", "is required: the body is the action's name as a JSON string, or {action}");
    }
    String group = query.getFirst("group") == null ? "" : query.getFirst("group");
    apps.require(name, "action/" + group + "/" + query.getFirst("kind") + "/" + action, query);
    return appController.runResourceAction(name, action, parameters, query);
  }

  /**
   * The body's {@code resourceActionParameters} when it has them: a list of {@code {name, value}}
   * with both strings; null when absent.
   */
  private static JsonNode parameters(JsonNode body) {
    JsonNode list = body == null || !body.isObject() ? null : body.get("resourceActionParameters");
    if (list == null || list.isNull()) {
      return null;
    }
    if (!list.isArray()) {
      throw ProblemException.invalid(
          "resourceActionParameters",
          "must be a list of {name, value}, e.g. [{name: replicas," + " value: \"3\"}]");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode param = list.get(i);
      String at = "resourceActionParameters[" + i + "]";
      if (!param.isObject()) {
        throw ProblemException.invalid(at, "must be an object {name, value}");
      }
      if (!param.path("name").isTextual() || param.path("name").asText().isBlank()) {
        throw ProblemException.invalid(at + ".name", "is required and must be a string");
      }
      JsonNode value = param.get("value");
      if (value != null && !value.isNull() && !value.isTextual()) {
        throw ProblemException.invalid(at + ".value", "must be a string, e.g. \"3\"");
      }
    }
    return list;
  }

  private static String actionField(JsonNode body) {
    if (body == null || !body.isObject()) {
      return null;
    }
    JsonNode action = body.get("action");
    if (action != null && !action.isTextual()) {
      throw ProblemException.invalid("action", "must be a string");
    }
    return action == null ? null : action.asText();
  }

  /**
   * The resource fields of {@code query}, each overridden by {@code body}'s when that is an object;
   * {@code resourceName} and {@code kind} are required.
   */
}
