package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.project.ProjectRepository;
import io.quargo.appcontroller.project.SyncWindows;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.model.project.SyncWindow;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * Argo CD's {@code GET .../syncwindows}: the project's sync windows that apply to the app ({@code
 * assignedWindows}), those active now ({@code activeWindows}), each as {@code kind, schedule,
 * duration, manualSync}, and whether a manual sync may start now ({@code canSync}).
 */
@Path("/api/v1/applications/{name}/syncwindows")
@Produces(MediaType.APPLICATION_JSON)
public class SyncWindowResource {

  private final ApplicationRepository apps;
  private final ProjectRepository projects;

  public SyncWindowResource(ApplicationRepository apps, ProjectRepository projects) {
    this.apps = apps;
    this.projects = projects;
  }

  @GET
  public ObjectNode syncWindows(
      @PathParam("name") String name, @QueryParam("appNamespace") String namespace) {
    Application app =
        apps.get(
            namespace == null || namespace.isBlank()
                ? ApplicationRepository.DEFAULT_NAMESPACE
                : namespace,
            name);
    String projectName = app.getSpec() == null ? null : app.getSpec().getProject();
    AppProject project =
        projects
            .find(projectName == null || projectName.isBlank() ? "default" : projectName)
            .orElseThrow(() -> ProblemException.notFound("project " + projectName));
    List<SyncWindow> windows =
        project.getSpec() == null || project.getSpec().getSyncWindows() == null
            ? List.of()
            : project.getSpec().getSyncWindows();
    Instant now = Instant.now();
    ObjectNode response = Json.mapper().createObjectNode();
    ArrayNode active = response.putArray("activeWindows");
    ArrayNode assigned = response.putArray("assignedWindows");
    for (SyncWindow w : windows) {
      if (SyncWindows.appliesTo(w, app)) {
        assigned.add(window(w));
        if (SyncWindows.active(w, now)) {
          active.add(window(w));
        }
      }
    }
    response.put("canSync", SyncWindows.activeAt(project, app, now).manualAllowed());
    return response;
  }

  private static ObjectNode window(SyncWindow w) {
    return Json.mapper()
        .createObjectNode()
        .put("kind", w.getKind())
        .put("schedule", w.getSchedule())
        .put("duration", w.getDuration())
        .put("manualSync", Boolean.TRUE.equals(w.getManualSync()));
  }
}
