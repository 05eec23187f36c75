package io.quargo.appcontroller.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * repo-server's manifest, refs, file and revision metadata endpoints as a REST client; only {@link
 * RepoServerClient} uses it.
 */
@Path("/api/v1")
interface RepoServerApi {

  @POST
  @Path("/manifests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response manifests(ObjectNode source);

  /** The refs of {@code repo} (URL-encoded by the caller) read with the credentials in the body. */
  @POST
  @Path("/repositories/{repo}/refs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response refs(@PathParam("repo") @Encoded String repo, JsonNode credentials);

  /** The commit {@code revision} resolves to in {@code repo} and, with {@code path}, that file. */
  @GET
  @Path("/repositories/{repo}/files")
  @Produces(MediaType.APPLICATION_JSON)
  Response file(
      @PathParam("repo") @Encoded String repo,
      @QueryParam("revision") String revision,
      @QueryParam("path") String path);

  /** Argo's RevisionMetadata of the commit {@code revision} (both URL-encoded by the caller). */
  @GET
  @Path("/repositories/{repo}/revisions/{revision}/metadata")
  @Produces(MediaType.APPLICATION_JSON)
  Response revisionMetadata(
      @PathParam("repo") @Encoded String repo, @PathParam("revision") @Encoded String revision);
}
