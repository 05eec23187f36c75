package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.application.ApplicationJson;
import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.appcontroller.client.RenderException;
import io.quargo.appcontroller.diff.ResourceDiff;
import io.quargo.appcontroller.messaging.AppCommandHandler;
import io.quargo.appcontroller.reconcile.AppKey;
import io.quargo.appcontroller.reconcile.AppReconciler;
import io.quargo.appcontroller.reconcile.Apps;
import io.quargo.appcontroller.reconcile.Comparison;
import io.quargo.appcontroller.reconcile.ReconcileQueue;
import io.quargo.appcontroller.reconcile.Terminations;
import io.quargo.common.events.AppCommand;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.problem.ProblemException;
import io.quargo.common.yaml.ManifestCodec;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Argo CD's application routes (service-internal; api-gateway exposes them): CRUD, sync, refresh,
 * rollback, managed-resources and resource-tree. The namespace is the {@code appNamespace} query
 * parameter (default {@code argocd}). Sync, rollback, refresh and delete run the same command path
 * as {@code quargo.app.commands}.
 */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

  private static final String YAML = "application/yaml";

  private final ApplicationRepository apps;
  private final AppCommandHandler commands;
  private final AppReconciler reconciler;
  private final ResourceTreeBuilder trees;
  private final ReconcileQueue queue;
  private final Terminations terminations;
  private final ApplicationJson appJson;

  public ApplicationResource(
      ApplicationRepository apps,
      AppCommandHandler commands,
      AppReconciler reconciler,
      ResourceTreeBuilder trees,
      ReconcileQueue queue,
      Terminations terminations,
      ApplicationJson appJson) {
    this.terminations = terminations;
    this.appJson = appJson;
    this.apps = apps;
    this.commands = commands;
    this.reconciler = reconciler;
    this.trees = trees;
    this.queue = queue;
  }

  /** Argo's ApplicationList: {@code {metadata: {}, items: [...]}}. */
  @GET
  public byte[] list(
      @QueryParam("appNamespace") String namespace,
      @QueryParam("projects") List<String> projects,
      @QueryParam("project") List<String> project,
      @QueryParam("selector") String selector) {
    List<String> wanted = new ArrayList<>(projects);
    wanted.addAll(project);
    return appJson.list(blankToNull(namespace), wanted, selector);
  }

  /** Creates the app; with {@code upsert=true} an existing one is updated instead of refused. */
  @POST
  public Application create(
      Application app,
      @QueryParam("upsert") boolean upsert,
      @QueryParam("appNamespace") String namespace) {
    requireBody(app);
    inNamespace(app, namespace);
    if (upsert
        && apps.find(app.getMetadata().getNamespace(), app.getMetadata().getName()).isPresent()) {
      app.getMetadata().setResourceVersion(null);
      return queued(apps.update(app));
    }
    return queued(apps.create(app));
  }

  /** As {@link #create}, for an Application written as YAML (one document). */
  @POST
  @Consumes({YAML, "application/x-yaml", "text/yaml"})
  public Application createYaml(
      String body,
      @QueryParam("upsert") boolean upsert,
      @QueryParam("appNamespace") String namespace)
      throws JsonProcessingException {
    return create(fromYaml(body), upsert, namespace);
  }

  /** As {@link #update}, for an Application written as YAML (one document). */
  @PUT
  @Path("/{name}")
  @Consumes({YAML, "application/x-yaml", "text/yaml"})
  public Application updateYaml(
      @PathParam("name") String name, @QueryParam("appNamespace") String namespace, String body)
      throws JsonProcessingException {
    return update(name, namespace, fromYaml(body));
  }

  /**
   * The one Application in {@code yaml}; a YAML error is a 400 naming line and column, a wrong type
   * a 400 naming the field (as for JSON).
   */
  private static Application fromYaml(String yaml) throws JsonProcessingException {
    List<ObjectNode> documents = ManifestCodec.readAll(yaml == null ? "" : yaml, "request body");
    if (documents.size() != 1) {
      throw ProblemException.badRequest(
          "expected exactly one Application document, found " + documents.size());
    }
    return Json.mapper().treeToValue(documents.get(0), Application.class);
  }

  /** The app; {@code refresh=normal|hard} reconciles it first (Argo's GET with refresh). */
  @GET
  @Path("/{name}")
  public Response get(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String namespace,
      @QueryParam("refresh") String refresh) {
    if (refresh != null && !refresh.isBlank()) {
      return Response.ok(doRefresh(name, namespace, "hard".equals(refresh))).build();
    }
    return Response.ok(appJson.one(ns(namespace), name), MediaType.APPLICATION_JSON).build();
  }

  @PUT
  @Path("/{name}")
  public Application update(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String namespace,
      Application app) {
    requireBody(app);
    inNamespace(app, namespace);
    if (app.getMetadata().getName() == null) {
      app.getMetadata().setName(name);
    } else if (!name.equals(app.getMetadata().getName())) {
      throw ProblemException.invalid(
          "metadata.name",
          "\"" + app.getMetadata().getName() + "\" differs from the path's \"" + name + "\"");
    }
    return queued(apps.update(app));
  }

  /** A new or changed app is compared at once, as Argo CD does. */
  private Application queued(Application app) {
    queue.enqueue(Apps.key(app));
    return app;
  }

  /** Deletes the app; with {@code cascade} (the default, as in Argo) its live objects too. */
  @DELETE
  @Path("/{name}")
  public ObjectNode delete(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String namespace,
      @QueryParam("cascade") @DefaultValue("true") boolean cascade,
      @QueryParam("propagationPolicy") String propagationPolicy) {
    apps.get(ns(namespace), name);
    commands.handle(
        new AppCommand.Delete(
            ns(namespace), name, cascade, propagationPolicy, id(), "rest", Instant.now()),
        true);
    return Json.mapper().createObjectNode();
  }

  /** Reconciles now and returns the app ({@code hard} is accepted; repo-server caches by SHA). */
  @POST
  @Path("/{name}/refresh")
  @Consumes(MediaType.WILDCARD)
  public Application refresh(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String namespace,
      @QueryParam("hard") boolean hard) {
    return doRefresh(name, namespace, hard);
  }

  private Application doRefresh(String name, String namespace, boolean hard) {
    return commands
        .handle(
            new AppCommand.Refresh(ns(namespace), name, hard, id(), "rest", Instant.now()), true)
        .orElseThrow(() -> ProblemException.notFound("application " + ns(namespace) + "/" + name));
  }

  /**
   * Starts a sync (Argo's SyncRequest body: revision, prune, dryRun, resources, syncOptions as a
   * list or {@code {items: [...]}}, strategy, retryStrategy); returns the app with its operation
   * Running. 409 when one runs.
   */
  @POST
  @Path("/{name}/sync")
  public Application sync(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String namespace,
      ObjectNode body) {
    AppCommand.Sync command = SyncRequestFields.command(ns(namespace), name, body, id());
    return commands.handle(command, false).orElseGet(() -> apps.get(ns(namespace), name));
  }

  /**
   * Argo's RollbackRequest {@code {id, prune, dryRun}}; it turns automated sync off, unless {@code
   * keepAutoSync} (in the body or the query) keeps it on, pinned to the rolled-back revision.
   */
  @POST
  @Path("/{name}/rollback")
  public Application rollback(
      @PathParam("name") String name,
      @QueryParam("appNamespace") String namespace,
      @QueryParam("keepAutoSync") boolean keepAutoSync,
      ObjectNode body) {
    if (body == null || !body.path("id").canConvertToLong()) {
      throw ProblemException.invalid("id", "required: the status.history[].id to roll back to");
    }
    AppCommand.Rollback command =
        new AppCommand.Rollback(
            ns(namespace),
            name,
            body.get("id").asLong(),
            body.path("prune").asBoolean(false),
            body.path("dryRun").asBoolean(false),
            id(),
            body.path("username").asText("rest"),
            Instant.now(),
            keepAutoSync || body.path("keepAutoSync").asBoolean(false));
    return commands.handle(command, false).orElseGet(() -> apps.get(ns(namespace), name));
  }

  /**
   * Argo's ManagedResourcesResponse: per resource {@code group, kind, namespace, name, targetState,
   * liveState, normalizedLiveState, predictedLiveState, modified, diff}; the states are JSON text
   * as in Argo, {@code diff} lists the JSON pointers that differ.
   */
  @GET
  @Path("/{name}/managed-resources")
  public ObjectNode managedResources(
      @PathParam("name") String name, @QueryParam("appNamespace") String namespace) {
    Application app = apps.get(ns(namespace), name);
    Comparison comparison;
    try {
      comparison = reconciler.compare(app);
    } catch (RenderException e) {
      throw new ProblemException(
          e.status() == 0 ? 502 : e.status() == 404 ? 404 : 422,
          "cannot render application " + ns(namespace) + "/" + name + ": " + e.getMessage());
    }
    ObjectNode response = Json.mapper().createObjectNode();
    ArrayNode items = response.putArray("items");
    for (ResourceDiff diff : comparison.diffs()) {
      ObjectNode item = items.addObject();
      item.put("group", diff.group());
      item.put("kind", diff.kind());
      item.put("namespace", diff.namespace());
      item.put("name", diff.name());
      item.put("targetState", text(diff.normalizedDesired()));
      item.put("liveState", text(comparison.live().get(diff.key())));
      item.put("normalizedLiveState", text(diff.normalizedLive()));
      item.put("predictedLiveState", text(diff.normalizedDesired()));
      item.put("modified", diff.status() != io.quargo.common.model.SyncStatusCode.SYNCED);
      item.put("requiresPruning", diff.requiresPruning());
      item.put("diff", String.join("\n", diff.differences()));
    }
    return response;
  }

  /**
   * Argo's terminate-operation: the running sync stops after its current step and ends Failed
   * ("Operation terminated"); meanwhile {@code operationState.phase} is Terminating. 409 when no
   * operation runs.
   */
  @DELETE
  @Path("/{name}/operation")
  public ObjectNode terminateOperation(
      @PathParam("name") String name, @QueryParam("appNamespace") String namespace) {
    terminations.request(new AppKey(ns(namespace), name));
    return Json.mapper().createObjectNode();
  }

  /** Argo's ApplicationTree: {@code {nodes: [...]}} with parentRefs and health. */
  @GET
  @Path("/{name}/resource-tree")
  public ObjectNode resourceTree(
      @PathParam("name") String name, @QueryParam("appNamespace") String namespace) {
    return trees.tree(apps.get(ns(namespace), name));
  }

  private static String text(JsonNode node) {
    return node == null ? "null" : node.toString();
  }

  private static void requireBody(Application app) {
    if (app == null || app.getMetadata() == null) {
      throw ProblemException.invalid(
          "metadata.name", "required: an Application with metadata.name");
    }
  }

  private static void inNamespace(Application app, String namespace) {
    if (app.getMetadata().getNamespace() == null || app.getMetadata().getNamespace().isBlank()) {
      app.getMetadata().setNamespace(ns(namespace));
    }
  }

  private static String ns(String namespace) {
    return namespace == null || namespace.isBlank()
        ? ApplicationRepository.DEFAULT_NAMESPACE
        : namespace;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
