package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.client.AppControllerClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Argo CD's PatchResource and DeleteResource on a live resource of an app, named by {@code
 * ?resourceName=&kind=} and optional {@code namespace, version, group}: patching needs {@code
 * applications, update, <project>/<app>}, deleting {@code applications, delete} (Argo CD 2.x). The
 * request is checked here (a bad patch, patch type or flag is a 400) before app-controller, which
 * answers 404 for a resource outside the app's tree, is asked.
 */
@Path("/api/v1/applications/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationLiveEditResource {

  private final AppControllerClient appController;
  private final AuthorizedApps apps;

  ApplicationLiveEditResource(AppControllerClient appController, AuthorizedApps apps) {
    this.appController = appController;
    this.apps = apps;
  }

  /**
   * Argo's PatchResource: the body is the patch (a JSON string, or JSON), {@code ?patchType=} one
   * of {@code application/merge-patch+json} (default), {@code application/json-patch+json}, {@code
   * application/strategic-merge-patch+json}; answers {@code {manifest}}, the patched live object as
   * JSON text.
   */
  @POST
  @Path("/resource")
  @Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
  public JsonNode patch(@PathParam("name") String name, JsonNode body, @Context UriInfo uri) {
    MultivaluedMap<String, String> query = ResourceTarget.of(uri.getQueryParameters(), null);
    String type = ResourcePatchBody.type(uri.getQueryParameters().getFirst("patchType"));
    JsonNode patch = ResourcePatchBody.patch(body, type);
    query.putSingle("patchType", type);
    apps.require(name, "update", query);
    return appController.patchResource(name, patch, query);
  }

  /**
   * Argo's DeleteResource: {@code ?orphan=true} leaves the dependents, {@code ?force=true} deletes
   * at once in the background; otherwise the dependents go first. Answers {@code {}}.
   */
  @DELETE
  @Path("/resource")
  public JsonNode delete(@PathParam("name") String name, @Context UriInfo uri) {
    MultivaluedMap<String, String> query = ResourceTarget.of(uri.getQueryParameters(), null);
    for (String flag : new String[] {"force", "orphan"}) {
      String value = uri.getQueryParameters().getFirst(flag);
      if (value != null && !value.isBlank()) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw ProblemException.invalid(flag, "\"" + value + "\" is not true or false");
        }
        query.putSingle(flag, value.toLowerCase());
      }
    }
    apps.require(name, "delete", query);
    return appController.deletePart(name, "resource", query);
  }

  /** The resource fields of {@code query}; {@code resourceName} and {@code kind} are required. */
}
