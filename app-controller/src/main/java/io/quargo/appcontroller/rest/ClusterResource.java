package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.cluster.Cluster;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.cluster.ClusterRegistry;
import io.quargo.appcontroller.cluster.ClusterRequests;
import io.quargo.appcontroller.cluster.ConnectionState;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * Argo CD's cluster routes, {@code /api/v1/clusters[/{server}]} ({@code server} URL-encoded, or the
 * cluster's name). Answers carry {@code config.tlsClientConfig.insecure} and the connection state,
 * never a token, password or key.
 */
@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClusterResource {

  private final ClusterRegistry registry;
  private final ClusterClients clients;

  public ClusterResource(ClusterRegistry registry, ClusterClients clients) {
    this.registry = registry;
    this.clients = clients;
  }

  @GET
  public ObjectNode list() {
    ObjectNode list = Json.mapper().createObjectNode();
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    registry.list().forEach(c -> items.add(view(c, clients.state(c))));
    return list;
  }

  @GET
  @Path("/{server: .+}")
  public ObjectNode get(@PathParam("server") String server) {
    Cluster cluster = find(server);
    return view(cluster, clients.state(cluster));
  }

  /** Registers a cluster from Argo's cluster body or a {@code kubeconfig}; 409 unless upsert. */
  @POST
  public ObjectNode create(ObjectNode body, @QueryParam("upsert") boolean upsert) {
    Cluster cluster = registry.create(ClusterRequests.read(body), upsert);
    clients.forget(cluster.server());
    return view(cluster, clients.probe(cluster));
  }

  @PUT
  @Path("/{server: .+}")
  public ObjectNode update(@PathParam("server") String server, ObjectNode body) {
    if (body != null && !body.hasNonNull("server") && !body.hasNonNull("kubeconfig")) {
      body.put("server", server);
    }
    Cluster cluster =
        registry.update(
            ClusterRequests.normalizeServer(server, "server"), ClusterRequests.read(body));
    clients.forget(cluster.server());
    return view(cluster, clients.probe(cluster));
  }

  @DELETE
  @Path("/{server: .+}")
  public ObjectNode delete(@PathParam("server") String server) {
    Cluster cluster = find(server);
    if (!registry.delete(cluster.server())) {
      throw ProblemException.notFound("cluster " + server);
    }
    clients.forget(cluster.server());
    return Json.mapper().createObjectNode();
  }

  private Cluster find(String serverOrName) {
    String key = serverOrName.replaceAll("/+$", "");
    Optional<Cluster> found = registry.byServer(key);
    return found
        .or(() -> registry.byName(serverOrName))
        .orElseThrow(() -> ProblemException.notFound("cluster " + serverOrName));
  }

  /** Argo's Cluster JSON without secrets. */
  static ObjectNode view(Cluster cluster, ConnectionState state) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("server", cluster.server());
    node.put("name", cluster.name());
    node.putObject("config")
        .putObject("tlsClientConfig")
        .put("insecure", cluster.credentials().insecure());
    ObjectNode connection = Json.mapper().createObjectNode();
    connection.put("status", state.status());
    connection.put("message", state.message());
    connection.put("attemptedAt", state.attemptedAt());
    node.set("connectionState", connection);
    node.put("serverVersion", state.serverVersion());
    ObjectNode info = node.putObject("info");
    info.set("connectionState", connection.deepCopy());
    info.put("serverVersion", state.serverVersion());
    return node;
  }
}
