package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.client.RenderException;
import io.quargo.appcontroller.client.RepoServerClient;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationSource;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Argo CD's {@code GET .../revisions/{revision}/metadata} (RevisionMetadata): author, date,
 * message, tags and signatureInfo of a commit of the app's Git repository, read by repo-server. On
 * a multi-source app {@code ?sourceIndex=} picks the source (default the first). An unknown
 * revision is a 404 problem; a Helm chart source a 400 (it has no commits).
 */
@Path("/api/v1/applications/{name}/revisions/{revision}/metadata")
@Produces(MediaType.APPLICATION_JSON)
public class RevisionMetadataResource {

  private final ApplicationRepository apps;
  private final RepoServerClient repoServer;

  public RevisionMetadataResource(ApplicationRepository apps, RepoServerClient repoServer) {
    this.apps = apps;
    this.repoServer = repoServer;
  }

  @GET
  public ObjectNode metadata(
      @PathParam("name") String name,
      @PathParam("revision") String revision,
      @QueryParam("appNamespace") String appNamespace,
      @QueryParam("sourceIndex") String sourceIndex) {
    Application app =
        apps.get(
            appNamespace == null || appNamespace.isBlank()
                ? ApplicationRepository.DEFAULT_NAMESPACE
                : appNamespace,
            name);
    ApplicationSource source = source(app, index(sourceIndex));
    if (source.getChart() != null && !source.getChart().isBlank()) {
      throw ProblemException.badRequest(
          "source "
              + source.getRepoURL()
              + " is Helm chart "
              + source.getChart()
              + ": revision metadata is read from Git commits only");
    }
    try {
      return repoServer
          .revisionMetadata(source.getRepoURL(), revision)
          .orElseThrow(
              () ->
                  ProblemException.notFound("revision " + revision + " of " + source.getRepoURL()));
    } catch (RenderException e) {
      throw new ProblemException(
          e.status() == 0 || e.status() >= 500 ? 502 : e.status(),
          "cannot read revision "
              + revision
              + " of "
              + source.getRepoURL()
              + ": "
              + e.getMessage());
    }
  }

  private static int index(String sourceIndex) {
    if (sourceIndex == null || sourceIndex.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(sourceIndex.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("sourceIndex", "\"" + sourceIndex + "\" is not a number");
    }
  }

  private static ApplicationSource source(Application app, int index) {
    List<ApplicationSource> sources =
        app.getSpec().getSources() != null && !app.getSpec().getSources().isEmpty()
            ? app.getSpec().getSources()
            : app.getSpec().getSource() == null ? List.of() : List.of(app.getSpec().getSource());
    if (index < 0 || index >= sources.size()) {
      throw ProblemException.invalid(
          "sourceIndex",
          "is "
              + index
              + " but application "
              + app.getMetadata().getName()
              + " has "
              + sources.size()
              + " source(s)");
    }
    return sources.get(index);
  }
}
