package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

  private final AppLiveResources resources;

  public LiveObjectResource(AppLiveResources resources) {
    this.resources = resources;
  }

  @GET
  public ObjectNode resource(@PathParam("name") String name, @BeanParam LiveResourceQuery target) {
    if (blank(target.resourceName) || blank(target.kind) || blank(target.version)) {
      throw ProblemException.badRequest(
          "resourceName, kind and version are required query parameters");
    }
    ObjectNode live = target.locate(resources, name).live();
    maskSecret(live, target.group, target.kind);
    return Json.mapper().createObjectNode().put("manifest", live.toString());
  }

  /** Masks the values of {@code live} when it is a Secret (core group), as Argo CD does. */
  static void maskSecret(ObjectNode live, String group, String kind) {
    if ((group == null || group.isEmpty()) && "Secret".equals(kind)) {
      mask(live, "data");
      mask(live, "stringData");
    }
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
