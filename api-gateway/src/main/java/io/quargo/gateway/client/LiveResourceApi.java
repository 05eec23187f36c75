package io.quargo.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * app-controller's routes for a live resource of an app and a revision's metadata; only {@link
 * LiveResourceClient} calls it.
 */
@RegisterRestClient(configKey = "app-controller")
@Path("/api/v1/applications/{name}")
@Produces(MediaType.APPLICATION_JSON)
interface LiveResourceApi {

  @POST
  @Path("/resource")
  @Consumes(MediaType.APPLICATION_JSON)
  Response patchResource(
      @PathParam("name") String name,
      JsonNode patch,
      @RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/revisions/{revision}/metadata")
  Response revisionMetadata(
      @PathParam("name") String name,
      @PathParam("revision") String revision,
      @RestQuery MultivaluedMap<String, String> query);
}
