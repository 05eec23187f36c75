package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.ApplicationSpec;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.body.BodyChecks;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.client.AppControllerClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Argo CD's changes to one app besides create, update, delete and sync: a JSON or merge patch, a
 * new spec (both {@code update}; moving the app to another project also needs {@code create} there,
 * as Argo CD) and terminating the running operation ({@code sync}). A patch or spec is applied to
 * the stored app here and written through app-controller's update, which refuses a stale {@code
 * resourceVersion}.
 */
@Path("/api/v1/applications/{name}")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class ApplicationChangeResource {

  private static final String PATCH_REQUEST =
      "an ApplicationPatchRequest {patch: \"<JSON text>\", patchType: json|merge}";

  private final AppControllerClient appController;
  private final AuthorizedApps apps;

  ApplicationChangeResource(AppControllerClient appController, AuthorizedApps apps) {
    this.appController = appController;
    this.apps = apps;
  }

  /**
   * Argo's ApplicationPatchRequest: {@code patch} (JSON text; a list or object is taken as is) of
   * {@code patchType} {@code json} (RFC 6902, the default) or {@code merge} (RFC 7386), applied to
   * the stored app. Returns the updated app.
   */
  @PATCH
  public JsonNode patch(@PathParam("name") String name, JsonNode body, @Context UriInfo uri) {
    BodyChecks.object(body, PATCH_REQUEST);
    BodyChecks.optionalText(body, "patchType", "patchType");
    String type = body.path("patchType").asText("");
    JsonNode patch = patchOf(body);
    if (!type.equals("json") && !type.equals("merge") && !type.isEmpty()) {
      throw ProblemException.invalid(
          "patchType", "\"" + type + "\" is not supported; use json or merge");
    }
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    JsonNode stored = apps.require(name, "update", query).tree();
    JsonNode patched = AppPatches.apply(stored, type, patch);
    return write(name, stored, patched, query);
  }

  /** Argo's UpdateSpec: the body is the app's new spec; returns the spec as stored. */
  @PUT
  @Path("/spec")
  public JsonNode updateSpec(@PathParam("name") String name, JsonNode body, @Context UriInfo uri) {
    BodyChecks.object(body, "an ApplicationSpec {source, destination, project, ...}");
    BodyChecks.typed(body, ApplicationSpec.class, "spec");
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    JsonNode stored = apps.require(name, "update", query).tree();
    ObjectNode changed = stored.deepCopy();
    changed.set("spec", body);
    return write(name, stored, changed, query).path("spec");
  }

  /**
   * Argo's TerminateOperation: the running sync stops after its current step and ends Failed; needs
   * {@code sync}. app-controller answers 409 when no operation runs.
   */
  @DELETE
  @Path("/operation")
  @Consumes(MediaType.WILDCARD)
  public JsonNode terminateOperation(@PathParam("name") String name, @Context UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    apps.require(name, "sync", query);
    return appController.deletePart(name, "operation", AuthorizedApps.namespaceOnly(query));
  }

  /** Checks the changed app, then writes it; a new project needs {@code create} there. */
  private JsonNode write(
      String name, JsonNode stored, JsonNode changed, MultivaluedMap<String, String> query) {
    if (!changed.isObject()) {
      throw ProblemException.badRequest("the patched application is not an object");
    }
    ApplicationBodies.checkApplication(changed, false);
    String before = ApplicationResource.rbacObject(stored);
    String after = ApplicationResource.rbacObject(changed);
    if (!after.equals(before)) {
      apps.require("create", after);
    }
    return appController.updateApplication(name, changed, AuthorizedApps.namespaceOnly(query));
  }

  /** The patch of the request: JSON text parsed, or a list or object taken as it is. */
  private static JsonNode patchOf(JsonNode body) {
    JsonNode patch = body.get("patch");
    if (patch == null || patch.isNull()) {
      throw ProblemException.invalid("patch", "is required: " + PATCH_REQUEST);
    }
    if (patch.isArray() || patch.isObject()) {
      return patch;
    }
    if (!patch.isTextual()) {
      throw ProblemException.invalid(
          "patch", "must be JSON text, a list or an object, got a " + BodyChecks.kind(patch));
    }
    try {
      return Json.mapper().readTree(patch.asText());
    } catch (Exception e) {
      throw ProblemException.invalid("patch", "is not valid JSON: " + e.getMessage());
    }
  }
}
