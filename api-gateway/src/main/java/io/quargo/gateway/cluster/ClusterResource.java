package io.quargo.gateway.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.CurrentCaller;
import io.quargo.gateway.body.BodyChecks;
import io.quargo.gateway.body.Secrets;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.client.AppControllerClient;
import io.quargo.gateway.rbac.Rbac;
import io.quargo.gateway.rbac.VisibleItems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * Argo CD's cluster routes ({@code /api/v1/clusters[/{server}]}, the API server URL encoded as one
 * path segment, or the cluster's name), checked by RBAC ({@code clusters, <action>,
 * [<project>/]<server>}) and served by app-controller. Answers never carry a token or key.
 */
@Path("/api/v1/clusters")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class ClusterResource {

  private static final String RESOURCE = "clusters";
  private static final String SHAPE =
      "a Cluster {server, name, config: {bearerToken, tlsClientConfig}}";

  private final AppControllerClient appController;
  private final Rbac rbac;
  private final CurrentCaller current;

  public ClusterResource(AppControllerClient appController, Rbac rbac, CurrentCaller current) {
    this.appController = appController;
    this.rbac = rbac;
    this.current = current;
  }

  /** The clusters the caller may {@code get}. */
  @GET
  public JsonNode list(@Context UriInfo uri) {
    JsonNode list = appController.listClusters(uri.getQueryParameters());
    return Secrets.redact(
        VisibleItems.filter(
            list, rbac.forCaller(current.get()), RESOURCE, ClusterResource::object));
  }

  @GET
  @Path("/{server: .+}")
  public JsonNode get(@PathParam("server") String server, @Context UriInfo uri) {
    return Secrets.redact(authorized(server, "get", uri));
  }

  /**
   * Registers a cluster ({@code ?upsert=true} replaces one); needs {@code create} on it. A body
   * with only a {@code kubeconfig} names its server inside, so it needs {@code create} on {@code
   * *}.
   */
  @POST
  public JsonNode create(JsonNode body, @Context UriInfo uri) {
    check(body, true);
    String object = body.hasNonNull("server") ? object(body) : "*";
    rbac.forCaller(current.get()).require(RESOURCE, "create", object);
    return Secrets.redact(appController.createCluster(body, uri.getQueryParameters()));
  }

  /** Changes a cluster; moving it to another project needs {@code update} in both. */
  @PUT
  @Path("/{server: .+}")
  public JsonNode update(@PathParam("server") String server, JsonNode body, @Context UriInfo uri) {
    check(body, false);
    JsonNode stored = authorized(server, "update", uri);
    if (body.hasNonNull("project") || body.hasNonNull("server")) {
      ObjectNode after = ((ObjectNode) stored.deepCopy());
      if (body.hasNonNull("project")) {
        after.set("project", body.get("project"));
      }
      if (body.hasNonNull("server")) {
        after.set("server", body.get("server"));
      }
      rbac.forCaller(current.get()).require(RESOURCE, "update", object(after));
    }
    return Secrets.redact(appController.updateCluster(server, body, uri.getQueryParameters()));
  }

  @DELETE
  @Path("/{server: .+}")
  public JsonNode delete(@PathParam("server") String server, @Context UriInfo uri) {
    authorized(server, "delete", uri);
    return Secrets.redact(appController.deleteCluster(server, uri.getQueryParameters()));
  }

  private JsonNode authorized(String server, String action, UriInfo uri) {
    JsonNode stored =
        appController
            .findCluster(server, uri.getQueryParameters())
            .orElseThrow(() -> ProblemException.notFound("cluster " + server));
    rbac.forCaller(current.get()).require(RESOURCE, action, object(stored));
    return stored;
  }

  /** Argo's Cluster shape, field by field, before anything is sent on. */
  static void check(JsonNode body, boolean create) {
    BodyChecks.object(body, SHAPE);
    if (create && !body.hasNonNull("kubeconfig")) {
      BodyChecks.requiredText(body, "server", "server");
    }
    for (String text : new String[] {"server", "name", "project", "kubeconfig"}) {
      BodyChecks.optionalText(body, text, text);
    }
    BodyChecks.optionalTextList(body, "namespaces", "namespaces");
    JsonNode config = BodyChecks.optionalObject(body, "config", "config");
    if (config != null) {
      for (String text : new String[] {"bearerToken", "username", "password"}) {
        BodyChecks.optionalText(config, text, "config." + text);
      }
      JsonNode tls = BodyChecks.optionalObject(config, "tlsClientConfig", "config.tlsClientConfig");
      if (tls != null) {
        BodyChecks.optionalBoolean(tls, "insecure", "config.tlsClientConfig.insecure");
        for (String text : new String[] {"caData", "certData", "keyData", "serverName"}) {
          BodyChecks.optionalText(tls, text, "config.tlsClientConfig." + text);
        }
      }
    }
  }

  private static String object(JsonNode cluster) {
    return Rbac.scopedObject(cluster.path("project").asText(""), cluster.path("server").asText(""));
  }
}
