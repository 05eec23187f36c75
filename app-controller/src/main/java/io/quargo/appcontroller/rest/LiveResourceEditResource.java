package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.appcontroller.reconcile.AppEventRecorder;
import io.quargo.appcontroller.reconcile.Apps;
import io.quargo.appcontroller.reconcile.ReconcileQueue;
import io.quargo.appcontroller.rest.AppLiveResources.LiveResource;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Argo CD's PatchResource ({@code POST .../resource}, the patch in the body, answering the patched
 * live object as {@code {manifest}}) and DeleteResource ({@code DELETE
 * .../resource?force=&orphan=}) on a resource of the app's tree, named by {@code
 * ?namespace=&resourceName=&version=&group=&kind=}. A resource outside the tree is a 404, a bad
 * patch a 400 before the cluster is asked. Each change is recorded as an Event on the Application
 * and the app is reconciled.
 */
@Path("/api/v1/applications/{name}/resource")
@Produces(MediaType.APPLICATION_JSON)
public class LiveResourceEditResource {

  private final AppLiveResources resources;
  private final ReconcileQueue queue;
  private final AppEventRecorder events;

  public LiveResourceEditResource(
      AppLiveResources resources, ReconcileQueue queue, AppEventRecorder events) {
    this.resources = resources;
    this.queue = queue;
    this.events = events;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public ObjectNode patch(
      @PathParam("name") String name,
      @BeanParam LiveResourceQuery query,
      @QueryParam("patchType") String patchType,
      String body) {
    requireNamed(query.resourceName, query.kind);
    ResourcePatch patch = ResourcePatch.of(body, patchType);
    LiveResource target = query.locate(resources, name);
    ObjectNode patched;
    try {
      patched =
          ClusterObjects.tree(object(target).patch(PatchContext.of(patch.type()), patch.text()));
    } catch (KubernetesClientException e) {
      throw refused("patch", target, e);
    }
    LiveObjectResource.maskSecret(patched, target.group(), target.kind());
    events.record(target.app(), "ResourceUpdated", "patched resource " + describe(target));
    queue.enqueue(Apps.key(target.app()));
    return Json.mapper().createObjectNode().put("manifest", patched.toString());
  }

  @DELETE
  public ObjectNode delete(
      @PathParam("name") String name,
      @BeanParam LiveResourceQuery query,
      @QueryParam("force") String force,
      @QueryParam("orphan") String orphan) {
    requireNamed(query.resourceName, query.kind);
    DeletionPropagation propagation = propagation(flag("force", force), flag("orphan", orphan));
    LiveResource target = query.locate(resources, name);
    try {
      var deletion = object(target).withPropagationPolicy(propagation);
      // as Argo: only a forced deletion that orphans nothing skips the grace period
      (propagation == DeletionPropagation.BACKGROUND ? deletion.withGracePeriod(0) : deletion)
          .delete();
    } catch (KubernetesClientException e) {
      throw refused("delete", target, e);
    }
    events.record(target.app(), "ResourceDeleted", "deleted resource " + describe(target));
    queue.enqueue(Apps.key(target.app()));
    return Json.mapper().createObjectNode();
  }

  /**
   * Argo's choice: {@code orphan} leaves the dependents (Orphan); else {@code force} deletes at
   * once (grace period 0) and the dependents in the background; otherwise the dependents go first
   * (Foreground).
   */
  static DeletionPropagation propagation(boolean force, boolean orphan) {
    if (orphan) {
      return DeletionPropagation.ORPHAN;
    }
    return force ? DeletionPropagation.BACKGROUND : DeletionPropagation.FOREGROUND;
  }

  private static Resource<GenericKubernetesResource> object(LiveResource target) {
    var ops =
        target.access().objects().client().genericKubernetesResources(target.apiKind().context());
    NonNamespaceOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        scoped = target.apiKind().namespaced() ? ops.inNamespace(target.namespace()) : ops;
    return scoped.withName(target.name());
  }

  /** The cluster's refusal as a problem: its 4xx status and message, or 502 for its failures. */
  private static ProblemException refused(
      String verb, LiveResource target, KubernetesClientException e) {
    int code = e.getCode();
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    return new ProblemException(
        code >= 400 && code < 500 ? code : 502,
        "the cluster refused to " + verb + " " + describe(target) + ": " + reason);
  }

  private static String describe(LiveResource target) {
    return (target.group().isEmpty() ? "" : target.group() + "/")
        + target.kind()
        + " '"
        + target.name()
        + "'";
  }

  private static void requireNamed(String resourceName, String kind) {
    for (String[] param : new String[][] {{"resourceName", resourceName}, {"kind", kind}}) {
      if (param[1] == null || param[1].isBlank()) {
        throw ProblemException.invalid(
            param[0],
            "is required: name the resource as resourceName, kind [, version, group, namespace]");
      }
    }
  }

  private static boolean flag(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.trim().toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ProblemException.invalid(name, "\"" + value + "\" is not true or false");
    };
  }
}
