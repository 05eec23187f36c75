package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.client.AppControllerClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Argo CD's read-only views of one app beyond the app itself, each needing {@code get} on it and
 * answered by app-controller: the manifests at a revision, the live object of one of its resources
 * and its sync windows; and Quargo's diff against a revision.
 */
@Path("/api/v1/applications/{name}")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
public class ApplicationInspectionResource {

  private final AppControllerClient appController;
  private final AuthorizedApps apps;

  ApplicationInspectionResource(AppControllerClient appController, AuthorizedApps apps) {
    this.appController = appController;
    this.apps = apps;
  }

  /**
   * Argo's ManifestResponse ({@code manifests} as JSON strings, {@code revision, sourceType}) at
   * {@code ?revision=} (default: the app's target revision); an unknown revision is a 404.
   */
  @GET
  @Path("/manifests")
  public JsonNode manifests(@PathParam("name") String name, @Context UriInfo uri) {
    return view(name, "manifests", uri.getQueryParameters());
  }

  /**
   * What a sync to {@code ?revision=} would change, per resource ({@code change}: none, create,
   * update, prune), without syncing; Quargo's, beyond Argo.
   */
  @GET
  @Path("/diff")
  public JsonNode diff(@PathParam("name") String name, @Context UriInfo uri) {
    return view(name, "diff", uri.getQueryParameters());
  }

  /**
   * Argo's ApplicationResourceResponse {@code {manifest}}: the live object, as JSON text, of a
   * resource of the app named by {@code ?resourceName=&kind=&version=} and optional {@code group},
   * {@code namespace}; Secret values are masked. 404 when it is not part of the app.
   */
  @GET
  @Path("/resource")
  public JsonNode resource(@PathParam("name") String name, @Context UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    for (String required : new String[] {"resourceName", "kind", "version"}) {
      String value = query.getFirst(required);
      if (value == null || value.isBlank()) {
        throw ProblemException.invalid(
            required, "is required: name the resource as resourceName, kind, version [, group]");
      }
    }
    return view(name, "resource", query);
  }

  /**
   * Argo's ApplicationSyncWindowsResponse: the project's windows that apply to the app ({@code
   * assignedWindows}), those active now ({@code activeWindows}) and whether a manual sync may run
   * now ({@code canSync}).
   */
  @GET
  @Path("/syncwindows")
  public JsonNode syncWindows(@PathParam("name") String name, @Context UriInfo uri) {
    return view(name, "syncwindows", uri.getQueryParameters());
  }

  private JsonNode view(String name, String view, MultivaluedMap<String, String> query) {
    apps.require(name, "get", query);
    return appController.inspect(name, view, query);
  }
}
