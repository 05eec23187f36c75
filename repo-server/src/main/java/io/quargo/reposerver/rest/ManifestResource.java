package io.quargo.reposerver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.render.ManifestResult;
import io.quargo.reposerver.render.ManifestService;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.watch.RevisionDetector;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/manifests}: an Argo CD source in, rendered manifests out; a {@code repo}
 * field carries the registered repository's credentials (as Argo's ManifestRequest does). A
 * repository whose manifests were rendered becomes watched (polled, and checked on its webhooks).
 */
@Path("/api/v1/manifests")
public class ManifestResource {

  private static final Logger LOG = Logger.getLogger(ManifestResource.class);

  private final ManifestService manifests;
  private final RevisionDetector detector;
  private final RepoCredentials credentials;

  public ManifestResource(
      ManifestService manifests, RevisionDetector detector, RepoCredentials credentials) {
    this.manifests = manifests;
    this.detector = detector;
    this.credentials = credentials;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public ManifestResult render(ObjectNode body) {
    ManifestSource source = SourceRequests.read(body);
    if (body.has("repo") && source.repoURL() != null) {
      // Argo's ManifestRequest.repo: the registered repository's credentials, used and kept
      RepositoryResource.remember(credentials, source.repoURL().trim(), body.get("repo"));
    }
    ManifestResult result = manifests.render(source);
    if (source.chart() != null && !source.chart().isBlank()) {
      return result; // a Helm repository has no refs to poll: its chart versions are immutable
    }
    try {
      detector.watch(source.repoURL().trim());
    } catch (RuntimeException e) {
      LOG.warnf("cannot watch the repository of %s: %s", source.path(), e.getMessage());
    }
    return result;
  }
}
