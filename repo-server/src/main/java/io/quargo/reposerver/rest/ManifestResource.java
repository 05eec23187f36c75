package io.quargo.reposerver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.reposerver.render.ManifestResult;
import io.quargo.reposerver.render.ManifestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/v1/manifests}: an Argo CD source in, rendered manifests out. */
@Path("/api/v1/manifests")
public class ManifestResource {

  private final ManifestService manifests;

  public ManifestResource(ManifestService manifests) {
    this.manifests = manifests;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public ManifestResult render(ObjectNode body) {
    return manifests.render(SourceRequests.read(body));
  }
}
