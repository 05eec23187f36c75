package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.auth.CurrentCaller;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.client.AppControllerClient;
import io.quargo.gateway.client.RawJson;
import io.quargo.gateway.rbac.Rbac;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Argo CD's application routes, checked by RBAC ({@code applications, <action>, <project>/<app>})
 * and served by app-controller. The project comes from the stored app, or from the body on create.
 */
@Path("/api/v1/applications")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class ApplicationResource {

  private static final String RESOURCE = "applications";

  private final AppControllerClient appController;
  private final Rbac rbac;
  private final CurrentCaller current;
  private final ApplicationListCache listCache;
  private final SyncOverride syncOverride;

  public ApplicationResource(
      AppControllerClient appController,
      Rbac rbac,
      CurrentCaller current,
      ApplicationListCache listCache,
      SyncOverride syncOverride) {
    this.appController = appController;
    this.rbac = rbac;
    this.current = current;
    this.listCache = listCache;
    this.syncOverride = syncOverride;
  }

  /**
   * The applications the caller may {@code get}, kept for a moment (see {@link
   * ApplicationListCache}): app-controller's answer, passed on as it came and shared by every
   * caller who may see every app, or filtered and kept per caller.
   */
  @GET
  public RawJson list(@Context UriInfo uri) {
    Caller caller = current.get();
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    String rawQuery = String.valueOf(uri.getRequestUri().getRawQuery());
    if (rbac.forCaller(caller).canEveryApplication("get")) {
      return listCache.get(
          new ApplicationListCache.Key(null, rawQuery),
          () -> appController.listApplicationsRaw(query));
    }
    return listCache.get(
        new ApplicationListCache.Key(caller, rawQuery), () -> visible(caller, query));
  }

  private RawJson visible(Caller caller, MultivaluedMap<String, String> query) {
    Rbac.Decider decider = rbac.forCaller(caller);
    RawJson list = appController.listApplicationsRaw(query);
    if (!(list.tree() instanceof ObjectNode object) || !object.path("items").isArray()) {
      return list;
    }
    JsonNode items = object.path("items");
    ArrayNode visible = Json.mapper().createArrayNode();
    for (JsonNode app : items) {
      if (decider.can(RESOURCE, "get", object(app))) {
        visible.add(app);
      }
    }
    if (visible.size() == items.size()) {
      return list;
    }
    object.set("items", visible);
    return new RawJson(Json.toBytes(object), object);
  }

  /** The app, as app-controller answered it. */
  @GET
  @Path("/{name}")
  public RawJson get(@PathParam("name") String name, @Context UriInfo uri) {
    RawJson app = authorized(name, "get", uri.getQueryParameters());
    if (!uri.getQueryParameters().containsKey("refresh")) {
      return app;
    }
    return appController
        .findApplicationRaw(name, uri.getQueryParameters())
        .orElseThrow(() -> ProblemException.notFound("application " + name));
  }

  /** Creates an app in the project named by its {@code spec.project}. */
  @POST
  public JsonNode create(JsonNode body, @Context UriInfo uri) {
    ApplicationBodies.checkApplication(body, true);
    rbac.forCaller(current.get()).require(RESOURCE, "create", object(body));
    return appController.createApplication(body, uri.getQueryParameters());
  }

  /** Updates an app; moving it to another project needs {@code update} in both. */
  @PUT
  @Path("/{name}")
  public JsonNode update(@PathParam("name") String name, JsonNode body, @Context UriInfo uri) {
    ApplicationBodies.checkApplication(body, false);
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    JsonNode existing = authorized(name, "update", query).tree();
    if (!body.path("spec").path("project").asText("").isBlank()
        && !object(body, existing).equals(object(existing))) {
      rbac.forCaller(current.get()).require(RESOURCE, "update", object(body, existing));
    }
    return appController.updateApplication(name, body, query);
  }

  @DELETE
  @Path("/{name}")
  public JsonNode delete(@PathParam("name") String name, @Context UriInfo uri) {
    authorized(name, "delete", uri.getQueryParameters());
    return appController.deleteApplication(name, uri.getQueryParameters());
  }

  @POST
  @Path("/{name}/sync")
  public JsonNode sync(@PathParam("name") String name, JsonNode body, @Context UriInfo uri) {
    JsonNode request = ApplicationBodies.checkSync(body);
    syncOverride.check(authorized(name, "sync", uri.getQueryParameters()).tree(), request);
    return appController.operate(name, "sync", initiated(request), uri.getQueryParameters());
  }

  /** Rolls back to a history entry; Argo CD asks for {@code sync} here. */
  @POST
  @Path("/{name}/rollback")
  public JsonNode rollback(@PathParam("name") String name, JsonNode body, @Context UriInfo uri) {
    ApplicationBodies.checkRollback(body);
    authorized(name, "sync", uri.getQueryParameters());
    return appController.operate(name, "rollback", initiated(body), uri.getQueryParameters());
  }

  /** Asks for a refresh ({@code ?hard=true} too); a refresh needs only {@code get}, as in Argo. */
  @POST
  @Path("/{name}/refresh")
  @Consumes(MediaType.WILDCARD)
  public JsonNode refresh(@PathParam("name") String name, @Context UriInfo uri) {
    authorized(name, "get", uri.getQueryParameters());
    return appController.operate(name, "refresh", null, uri.getQueryParameters());
  }

  @GET
  @Path("/{name}/managed-resources")
  public JsonNode managedResources(@PathParam("name") String name, @Context UriInfo uri) {
    authorized(name, "get", uri.getQueryParameters());
    return appController.view(name, "managed-resources", uri.getQueryParameters());
  }

  @GET
  @Path("/{name}/resource-tree")
  public JsonNode resourceTree(@PathParam("name") String name, @Context UriInfo uri) {
    authorized(name, "get", uri.getQueryParameters());
    return appController.view(name, "resource-tree", uri.getQueryParameters());
  }

  /**
   * The operation request with {@code username} set to the caller, whatever the body said: it
   * becomes the operation's {@code initiatedBy.username} and the history's, as Argo CD records it.
   */
  private JsonNode initiated(JsonNode request) {
    ObjectNode body = request.deepCopy();
    body.put("username", current.get().subject());
    return body;
  }

  /** The app, once the caller may do {@code action} on it; 404 if absent (before RBAC, as Argo). */
  private RawJson authorized(String name, String action, MultivaluedMap<String, String> query) {
    MultivaluedMap<String, String> plain = AppControllerClient.query();
    if (query.containsKey("appNamespace")) {
      plain.put("appNamespace", query.get("appNamespace"));
    }
    RawJson app =
        appController
            .findApplicationRaw(name, plain)
            .orElseThrow(() -> ProblemException.notFound("application " + name));
    rbac.forCaller(current.get()).require(RESOURCE, action, object(app.tree()));
    return app;
  }

  /**
   * The RBAC object of a stored app: {@code <project>/<name>} (with its namespace if not argocd).
   */
  public static String rbacObject(JsonNode app) {
    return object(app, app);
  }

  private static String object(JsonNode app) {
    return object(app, app);
  }

  /** The RBAC object of {@code app}, taking missing parts from {@code fallback}. */
  private static String object(JsonNode app, JsonNode fallback) {
    String project = text(app, fallback, "spec", "project", "default");
    String namespace = text(app, fallback, "metadata", "namespace", "");
    String name = text(app, fallback, "metadata", "name", "");
    return Rbac.applicationObject(project, namespace, name);
  }

  private static String text(
      JsonNode app, JsonNode fallback, String parent, String field, String otherwise) {
    String value = app.path(parent).path(field).asText("");
    if (value.isBlank()) {
      value = fallback.path(parent).path(field).asText("");
    }
    return value.isBlank() ? otherwise : value;
  }
}
