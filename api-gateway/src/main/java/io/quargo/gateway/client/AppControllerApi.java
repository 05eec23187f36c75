package io.quargo.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** app-controller's Argo CD routes; only {@link AppControllerClient} calls it. */
@RegisterRestClient(configKey = "app-controller")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface AppControllerApi {

  @GET
  @Path("/applications")
  Response listApplications(@RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/applications/{name}")
  Response getApplication(
      @PathParam("name") String name, @RestQuery MultivaluedMap<String, String> query);

  @POST
  @Path("/applications")
  Response createApplication(JsonNode body, @RestQuery MultivaluedMap<String, String> query);

  @PUT
  @Path("/applications/{name}")
  Response updateApplication(
      @PathParam("name") String name,
      JsonNode body,
      @RestQuery MultivaluedMap<String, String> query);

  @DELETE
  @Path("/applications/{name}")
  Response deleteApplication(
      @PathParam("name") String name, @RestQuery MultivaluedMap<String, String> query);

  @POST
  @Path("/applications/{name}/{operation}")
  Response operate(
      @PathParam("name") String name,
      @PathParam("operation") String operation,
      JsonNode body,
      @RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/applications/{name}/{view}")
  Response view(
      @PathParam("name") String name,
      @PathParam("view") String view,
      @RestQuery MultivaluedMap<String, String> query);

  @POST
  @Path("/applications/{name}/resource")
  Response patchResource(
      @PathParam("name") String name,
      JsonNode patch,
      @RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/applications/{name}/revisions/{revision}/metadata")
  Response revisionMetadata(
      @PathParam("name") String name,
      @PathParam("revision") String revision,
      @RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/projects")
  Response listProjects();

  @GET
  @Path("/projects/{name}")
  Response getProject(@PathParam("name") String name);

  @POST
  @Path("/projects")
  Response createProject(JsonNode body);

  @PUT
  @Path("/projects/{name}")
  Response updateProject(@PathParam("name") String name, JsonNode body);

  @DELETE
  @Path("/projects/{name}")
  Response deleteProject(@PathParam("name") String name);

  @GET
  @Path("/repositories")
  Response listRepositories(@RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/repositories/{repo}")
  Response getRepository(
      @Encoded @PathParam("repo") String repo, @RestQuery MultivaluedMap<String, String> query);

  @POST
  @Path("/repositories")
  Response createRepository(JsonNode body, @RestQuery MultivaluedMap<String, String> query);

  @DELETE
  @Path("/repositories/{repo}")
  Response deleteRepository(
      @Encoded @PathParam("repo") String repo, @RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/clusters")
  Response listClusters(@RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/clusters/{server}")
  Response getCluster(
      @Encoded @PathParam("server") String server, @RestQuery MultivaluedMap<String, String> query);

  @POST
  @Path("/clusters")
  Response createCluster(JsonNode body, @RestQuery MultivaluedMap<String, String> query);

  @PUT
  @Path("/clusters/{server}")
  Response updateCluster(
      @Encoded @PathParam("server") String server,
      JsonNode body,
      @RestQuery MultivaluedMap<String, String> query);

  @DELETE
  @Path("/clusters/{server}")
  Response deleteCluster(
      @Encoded @PathParam("server") String server, @RestQuery MultivaluedMap<String, String> query);

  @DELETE
  @Path("/applications/{name}/{part}")
  Response deletePart(
      @PathParam("name") String name,
      @PathParam("part") String part,
      @RestQuery MultivaluedMap<String, String> query);

  @GET
  @Path("/applications/{name}/resource/actions")
  Response listResourceActions(
      @PathParam("name") String name, @RestQuery MultivaluedMap<String, String> query);

  @POST
  @Path("/applications/{name}/resource/actions")
  @Consumes(MediaType.APPLICATION_JSON)
  Response runResourceAction(
      @PathParam("name") String name,
      JsonNode body,
      @RestQuery MultivaluedMap<String, String> query);
}
