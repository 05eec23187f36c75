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
 * What happened to an app, each needing {@code applications, get} on it: Argo CD's
 * ListResourceEvents (the Kubernetes Events of the app or of one resource of its tree) and
 * RevisionMetadata (author, date, message and tags of a commit of its repository).
 */
@Path("/api/v1/applications/{name}")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
public class ApplicationEventsResource {

  private final AppControllerClient appController;
  private final AuthorizedApps apps;

  ApplicationEventsResource(AppControllerClient appController, AuthorizedApps apps) {
    this.appController = appController;
    this.apps = apps;
  }

  /**
   * A Kubernetes {@code EventList}: without {@code resourceName} the Events of the Application;
   * with {@code resourceName} (and {@code resourceNamespace}, {@code resourceUID}) those of that
   * resource of the app's tree (404 when it is not part of it).
   */
  @GET
  @Path("/events")
  public JsonNode events(@PathParam("name") String name, @Context UriInfo uri) {
    MultivaluedMap<String, String> query =
        only(
            uri.getQueryParameters(),
            "appNamespace",
            "resourceNamespace",
            "resourceName",
            "resourceUID");
    String resourceName = query.getFirst("resourceName");
    if ((resourceName == null || resourceName.isBlank())
        && (query.containsKey("resourceNamespace") || query.containsKey("resourceUID"))) {
      throw ProblemException.invalid(
          "resourceName",
          "is required with resourceNamespace or resourceUID; leave all three out for the"
              + " application's own events");
    }
    apps.require(name, "get", query);
    return appController.inspect(name, "events", query);
  }

  /**
   * Argo's RevisionMetadata {@code {author, date, message, tags, signatureInfo}} of {@code
   * revision} (a SHA, branch or tag) of the app's repository; {@code ?sourceIndex=} picks a source
   * of a multi-source app. 404 for an unknown revision.
   */
  @GET
  @Path("/revisions/{revision}/metadata")
  public JsonNode revisionMetadata(
      @PathParam("name") String name,
      @PathParam("revision") String revision,
      @Context UriInfo uri) {
    MultivaluedMap<String, String> query =
        only(uri.getQueryParameters(), "appNamespace", "sourceIndex");
    apps.require(name, "get", query);
    return appController.revisionMetadata(name, revision, query);
  }

  private static MultivaluedMap<String, String> only(
      MultivaluedMap<String, String> query, String... names) {
    MultivaluedMap<String, String> kept = AppControllerClient.query();
    for (String n : names) {
      String value = query.getFirst(n);
      if (value != null && !value.isBlank()) {
        kept.putSingle(n, value);
      }
    }
    return kept;
  }
}
