package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.cluster.ClusterClients;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Argo CD's {@code GET .../events} (ListResourceEvents) as a Kubernetes {@code EventList}: without
 * resource parameters the Events of the Application itself (involvedObject the Application, in its
 * namespace on the control-plane cluster); with {@code resourceName} (and {@code
 * resourceNamespace}, {@code resourceUID}) those of a resource of the app's tree, read from the
 * app's destination cluster. A resource outside the tree is a 404 problem, so no other object's
 * Events can be read through an app.
 */
@Path("/api/v1/applications/{name}/events")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationEventsResource {

  /**
   * The order a Kubernetes API server lists them in (etcd's, by namespace and name), whatever order
   * the cluster at hand answers in; Argo's Event names end in the hex nanoseconds of their
   * recording, so an Application's Events come oldest first.
   */
  private static final Comparator<Event> BY_NAME =
      Comparator.comparing((Event e) -> String.valueOf(e.getMetadata().getNamespace()))
          .thenComparing(e -> String.valueOf(e.getMetadata().getName()));

  private final ApplicationRepository apps;
  private final ResourceTreeBuilder trees;
  private final ClusterClients clusters;

  public ApplicationEventsResource(
      ApplicationRepository apps, ResourceTreeBuilder trees, ClusterClients clusters) {
    this.apps = apps;
    this.trees = trees;
    this.clusters = clusters;
  }

  @GET
  public ObjectNode events(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String appNamespace,
      @QueryParam("resourceNamespace") String resourceNamespace,
      @QueryParam("resourceName") String resourceName,
      @QueryParam("resourceUID") String resourceUID) {
    Application app =
        apps.get(
            blank(appNamespace) ? ApplicationRepository.DEFAULT_NAMESPACE : appNamespace, name);
    if (blank(resourceName)) {
      if (!blank(resourceNamespace) || !blank(resourceUID)) {
        throw ProblemException.invalid(
            "resourceName",
            "is required with resourceNamespace or resourceUID; leave all three out for the"
                + " application's own events");
      }
      String namespace = app.getMetadata().getNamespace();
      String uid = app.getMetadata().getUid();
      return eventList(
          clusters.inCluster().objects().client(),
          namespace,
          name,
          o ->
              "Application".equals(o.getKind())
                  && namespace.equals(o.getNamespace())
                  && sameUid(o, uid));
    }
    String ns = blank(resourceNamespace) ? "" : resourceNamespace;
    String uid = blank(resourceUID) ? "" : resourceUID;
    Set<String> kinds = new HashSet<>();
    Set<String> uids = new HashSet<>();
    for (JsonNode node : trees.tree(app).path("nodes")) {
      if (node.path("name").asText().equals(resourceName)
          && node.path("namespace").asText("").equals(ns)
          && (uid.isEmpty() || node.path("uid").asText().equals(uid))) {
        kinds.add(node.path("kind").asText());
        uids.add(node.path("uid").asText(""));
      }
    }
    if (kinds.isEmpty()) {
      throw ProblemException.notFound(
          (ns.isEmpty() ? "" : ns + "/") + resourceName + " as part of application " + name);
    }
    return eventList(
        clusters.forApp(app).objects().client(),
        ns,
        resourceName,
        o ->
            kinds.contains(o.getKind())
                && ns.equals(o.getNamespace() == null ? "" : o.getNamespace())
                && (blank(o.getUid()) || uids.contains(o.getUid())));
  }

  /**
   * The Events in {@code namespace} (all namespaces when blank: a cluster-scoped object's Events
   * live in {@code default}) whose involvedObject is named {@code name} and passes {@code
   * involves}. Filtered here rather than by an {@code involvedObject.name} field selector, which
   * not every API server serves (the sandbox's mock does not).
   */
  private static ObjectNode eventList(
      KubernetesClient client, String namespace, String name, Predicate<ObjectReference> involves) {
    var events = client.v1().events();
    var listing = blank(namespace) ? events.inAnyNamespace() : events.inNamespace(namespace);
    List<Event> items = new ArrayList<>(listing.list().getItems());
    items.sort(BY_NAME);
    ObjectNode list = Json.mapper().createObjectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "EventList");
    list.putObject("metadata");
    ArrayNode out = list.putArray("items");
    for (Event event : items) {
      ObjectReference involved = event.getInvolvedObject();
      if (involved != null && name.equals(involved.getName()) && involves.test(involved)) {
        out.add(Json.mapper().<JsonNode>valueToTree(event));
      }
    }
    return list;
  }

  /** Whether the event names {@code uid}; an event without a uid is taken as the object's. */
  private static boolean sameUid(ObjectReference involved, String uid) {
    return blank(involved.getUid()) || blank(uid) || uid.equals(involved.getUid());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
