package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.project.ProjectRepository;
import io.quargo.appcontroller.project.SyncWindows;
import io.quargo.appcontroller.reconcile.Apps;
import io.quargo.appcontroller.reconcile.ReconcileQueue;
import io.quargo.common.json.Json;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.problem.Problem.FieldError;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Argo CD's project routes: {@code /api/v1/projects[/{name}]} (Argo's bodies wrap the project). */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

  private final ProjectRepository projects;
  private final ApplicationRepository apps;
  private final ReconcileQueue queue;

  public ProjectResource(
      ProjectRepository projects, ApplicationRepository apps, ReconcileQueue queue) {
    this.projects = projects;
    this.apps = apps;
    this.queue = queue;
  }

  @GET
  public ObjectNode list() {
    ObjectNode list = Json.mapper().createObjectNode();
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    projects.list().forEach(p -> items.add(Json.mapper().valueToTree(p)));
    return list;
  }

  @GET
  @Path("/{name}")
  public AppProject get(@PathParam("name") String name) {
    return projects.get(name);
  }

  /** Argo's ProjectCreateRequest {@code {project: {...}, upsert}}, or the project itself. */
  @POST
  public AppProject create(ObjectNode body) {
    AppProject project = unwrap(body);
    if (body.path("upsert").asBoolean(false) && projects.exists(project.getMetadata().getName())) {
      return requeued(projects.update(project));
    }
    return projects.create(project);
  }

  /** Argo's ProjectUpdateRequest {@code {project: {...}}}, or the project itself. */
  @PUT
  @Path("/{name}")
  public AppProject update(@PathParam("name") String name, ObjectNode body) {
    AppProject project = unwrap(body);
    if (project.getMetadata().getName() == null) {
      project.getMetadata().setName(name);
    } else if (!name.equals(project.getMetadata().getName())) {
      throw ProblemException.invalid(
          "metadata.name",
          "\"" + project.getMetadata().getName() + "\" differs from the path's \"" + name + "\"");
    }
    return requeued(projects.update(project));
  }

  /** The project's apps are compared again at once, so conditions follow the new rules. */
  private AppProject requeued(AppProject project) {
    apps.list(null, List.of(project.getMetadata().getName()), null)
        .forEach(a -> queue.enqueue(Apps.key(a)));
    return project;
  }

  /** Deletes the project; 409 while applications use it. */
  @DELETE
  @Path("/{name}")
  public ObjectNode delete(@PathParam("name") String name) {
    long using = apps.countInProject(name);
    if (using > 0) {
      throw ProblemException.conflict(
          "project "
              + name
              + " is used by "
              + using
              + " application(s); move or delete them first");
    }
    if (!projects.delete(name)) {
      throw ProblemException.notFound("project " + name);
    }
    return Json.mapper().createObjectNode();
  }

  private static AppProject unwrap(ObjectNode body) {
    if (body == null) {
      throw ProblemException.invalid("project", "required: an AppProject");
    }
    ObjectNode project = body.has("project") ? (ObjectNode) body.get("project") : body;
    AppProject result;
    try {
      result = Json.mapper().treeToValue(project, AppProject.class);
    } catch (Exception e) {
      throw ProblemException.invalid("project", "not an AppProject: " + e.getMessage());
    }
    List<FieldError> errors = SyncWindows.validate(result);
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          errors.get(0).field() + ": " + errors.get(0).message(),
          errors.toArray(FieldError[]::new));
    }
    if (result.getMetadata() == null) {
      throw ProblemException.invalid("project.metadata.name", "required: the project's name");
    }
    return result;
  }
}
