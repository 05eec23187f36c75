package io.quargo.gateway.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.CurrentCaller;
import io.quargo.gateway.body.BodyChecks;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.client.AppControllerClient;
import io.quargo.gateway.rbac.Rbac;
import io.quargo.gateway.rbac.VisibleItems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Argo CD's project routes, checked by RBAC ({@code projects, <action>, <project>}). */
@Path("/api/v1/projects")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class ProjectResource {

  private static final String RESOURCE = "projects";

  private final AppControllerClient appController;
  private final Rbac rbac;
  private final CurrentCaller current;

  public ProjectResource(AppControllerClient appController, Rbac rbac, CurrentCaller current) {
    this.appController = appController;
    this.rbac = rbac;
    this.current = current;
  }

  /** The projects the caller may {@code get}. */
  @GET
  public JsonNode list() {
    JsonNode list = appController.listProjects();
    return VisibleItems.filter(
        list,
        rbac.forCaller(current.get()),
        RESOURCE,
        p -> p.path("metadata").path("name").asText());
  }

  @GET
  @Path("/{name}")
  public JsonNode get(@PathParam("name") String name) {
    rbac.forCaller(current.get()).require(RESOURCE, "get", name);
    return appController
        .findProject(name)
        .orElseThrow(() -> ProblemException.notFound("project " + name));
  }

  /** {@code {project, upsert}} as Argo CD's ProjectCreateRequest. */
  @POST
  public JsonNode create(JsonNode body) {
    rbac.forCaller(current.get()).require(RESOURCE, "create", name(body, null));
    return appController.createProject(body);
  }

  /** {@code {project}} as Argo CD's ProjectUpdateRequest. */
  @PUT
  @Path("/{name}")
  public JsonNode update(@PathParam("name") String name, JsonNode body) {
    name(body, name);
    rbac.forCaller(current.get()).require(RESOURCE, "update", name);
    existing(name);
    return appController.updateProject(name, body);
  }

  @DELETE
  @Path("/{name}")
  public JsonNode delete(@PathParam("name") String name) {
    rbac.forCaller(current.get()).require(RESOURCE, "delete", name);
    existing(name);
    return appController.deleteProject(name);
  }

  private JsonNode existing(String name) {
    return appController
        .findProject(name)
        .orElseThrow(() -> ProblemException.notFound("project " + name));
  }

  /**
   * The project's name from a {@code {project: {...}}} body, once the project binds to Argo's
   * AppProject; 400 naming the field otherwise.
   */
  static String name(JsonNode body, String otherwise) {
    BodyChecks.object(body, "{\"project\": {AppProject}}");
    JsonNode project = body.get("project");
    if (project == null || project.isNull()) {
      throw ProblemException.invalid("project", "is required: {\"project\": {AppProject}}");
    }
    BodyChecks.object(project, "{\"project\": {AppProject}}");
    BodyChecks.optionalBoolean(body, "upsert", "upsert");
    BodyChecks.optionalObject(project, "metadata", "project.metadata");
    BodyChecks.optionalText(project.path("metadata"), "name", "project.metadata.name");
    BodyChecks.typed(project, AppProject.class, "project");
    String name = project.path("metadata").path("name").asText("");
    if (name.isBlank()) {
      if (otherwise != null) {
        return otherwise;
      }
      throw ProblemException.invalid("project.metadata.name", "is required");
    }
    return name;
  }
}
