package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.cluster.ClusterAccess;
import io.quargo.appcontroller.cluster.ClusterClients;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD's {@code GET .../resource?namespace=&resourceName=&version=&group=&kind=}: the live
 * object of a resource in the app's resource tree, as JSON text in {@code {manifest}}, with a
 * Secret's values masked. A resource that is not part of the app is a 404 problem (Argo CD answers
 * InvalidArgument), so no other object of the cluster can be read through an app.
 */
@Path("/api/v1/applications/{name}/resource")
@Produces(MediaType.APPLICATION_JSON)
public class LiveObjectResource {

  private static final String MASK = "++++++++";

  private final ApplicationRepository apps;
  private final ResourceTreeBuilder trees;
  private final ClusterClients clusters;

  public LiveObjectResource(
      ApplicationRepository apps, ResourceTreeBuilder trees, ClusterClients clusters) {
    this.apps = apps;
    this.trees = trees;
    this.clusters = clusters;
  }

  @GET
  public ObjectNode resource(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String appNamespace,
      @QueryParam("namespace") String namespace,
      @QueryParam("resourceName") String resourceName,
      @QueryParam("version") String version,
      @QueryParam("group") String group,
      @QueryParam("kind") String kind) {
    if (blank(resourceName) || blank(kind) || blank(version)) {
      throw ProblemException.badRequest(
          "resourceName, kind and version are required query parameters");
    }
    String g = group == null ? "" : group;
    String ns = namespace == null ? "" : namespace;
    Application app =
        apps.get(
            blank(appNamespace) ? ApplicationRepository.DEFAULT_NAMESPACE : appNamespace, name);
    String what = kind + " " + (g.isEmpty() ? "" : g + " ") + resourceName;
    boolean partOfApp = false;
    for (JsonNode node : trees.tree(app).path("nodes")) {
      partOfApp |=
          node.path("group").asText("").equals(g)
              && node.path("kind").asText().equals(kind)
              && node.path("namespace").asText("").equals(ns)
              && node.path("name").asText().equals(resourceName);
    }
    if (!partOfApp) {
      throw ProblemException.notFound(what + " as part of application " + name);
    }
    ClusterAccess access = clusters.forApp(app);
    ApiKind apiKind =
        access
            .objects()
            .catalog()
            .find(g.isEmpty() ? version : g + "/" + version, kind)
            .orElseThrow(() -> ProblemException.notFound("API " + g + "/" + version + " " + kind));
    ObjectNode live =
        access
            .objects()
            .get(apiKind, ns.isEmpty() ? null : ns, resourceName)
            .orElseThrow(() -> ProblemException.notFound(what));
    if (g.isEmpty() && kind.equals("Secret")) {
      mask(live, "data");
      mask(live, "stringData");
    }
    return Json.mapper().createObjectNode().put("manifest", live.toString());
  }

  private static void mask(ObjectNode secret, String field) {
    if (secret.get(field) instanceof ObjectNode values) {
      List<String> keys = new ArrayList<>();
      values.fieldNames().forEachRemaining(keys::add);
      keys.forEach(k -> values.put(k, MASK));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
