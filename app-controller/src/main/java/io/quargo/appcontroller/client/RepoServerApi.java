package io.quargo.appcontroller.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** repo-server's manifest endpoint as a REST client; only {@link RepoServerClient} uses it. */
@Path("/api/v1")
interface RepoServerApi {

  @POST
  @Path("/manifests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response manifests(ObjectNode source);
}
