package io.quargo.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.Problem;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The gateway's only way to app-controller: answers are JSON trees, 404 is "absent", an unreachable
 * app-controller is a 503 problem, its 4xx problems pass through, and GETs are retried.
 */
@ApplicationScoped
public class AppControllerClient {

  private static final Logger LOG = Logger.getLogger(AppControllerClient.class);
  private static final int GET_ATTEMPTS = 3;

  private final AppControllerApi api;

  public AppControllerClient(@RestClient AppControllerApi api) {
    this.api = api;
  }

  /** Query parameters to pass on. */
  public static MultivaluedMap<String, String> query() {
    return new MultivaluedHashMap<>();
  }

  public JsonNode listApplications(MultivaluedMap<String, String> query) {
    return listApplicationsRaw(query).tree();
  }

  /**
   * The list as app-controller sent it, to pass on unchanged when nothing is filtered out: parsed
   * only once its tree is asked for (a caller who may see every app never needs it).
   */
  public RawJson listApplicationsRaw(MultivaluedMap<String, String> query) {
    return readRaw(() -> api.listApplications(query), "applications", false).orElseThrow();
  }

  public Optional<JsonNode> findApplication(String name, MultivaluedMap<String, String> query) {
    return findApplicationRaw(name, query).map(RawJson::tree);
  }

  /** The app as app-controller sent it, to pass on unchanged. */
  public Optional<RawJson> findApplicationRaw(String name, MultivaluedMap<String, String> query) {
    return readRaw(() -> api.getApplication(name, query), "application " + name);
  }

  public JsonNode createApplication(JsonNode body, MultivaluedMap<String, String> query) {
    return write(() -> api.createApplication(body, query), "application");
  }

  public JsonNode updateApplication(
      String name, JsonNode body, MultivaluedMap<String, String> query) {
    return write(() -> api.updateApplication(name, body, query), "application " + name);
  }

  public JsonNode deleteApplication(String name, MultivaluedMap<String, String> query) {
    return write(() -> api.deleteApplication(name, query), "application " + name);
  }

  /** {@code POST /applications/{name}/{operation}}: sync, rollback, refresh. */
  public JsonNode operate(
      String name, String operation, JsonNode body, MultivaluedMap<String, String> query) {
    return write(() -> api.operate(name, operation, body, query), "application " + name);
  }

  /** {@code GET /applications/{name}/{view}}: managed-resources, resource-tree. */
  public JsonNode view(String name, String view, MultivaluedMap<String, String> query) {
    return read(() -> api.view(name, view, query), "application " + name)
        .orElseThrow(() -> ProblemException.notFound("application " + name));
  }

  public JsonNode listProjects() {
    return read(api::listProjects, "projects").orElseThrow();
  }

  public Optional<JsonNode> findProject(String name) {
    return read(() -> api.getProject(name), "project " + name);
  }

  public JsonNode createProject(JsonNode body) {
    return write(() -> api.createProject(body), "project");
  }

  public JsonNode updateProject(String name, JsonNode body) {
    return write(() -> api.updateProject(name, body), "project " + name);
  }

  public JsonNode deleteProject(String name) {
    return write(() -> api.deleteProject(name), "project " + name);
  }

  public JsonNode listRepositories(MultivaluedMap<String, String> query) {
    return read(() -> api.listRepositories(query), "repositories").orElseThrow();
  }

  /** The repository with URL {@code repo} (sent URL-encoded as one path segment). */
  public Optional<JsonNode> findRepository(String repo, MultivaluedMap<String, String> query) {
    return read(() -> api.getRepository(segment(repo), query), "repository " + repo);
  }

  public JsonNode createRepository(JsonNode body, MultivaluedMap<String, String> query) {
    return write(() -> api.createRepository(body, query), "repository");
  }

  public JsonNode deleteRepository(String repo, MultivaluedMap<String, String> query) {
    return write(() -> api.deleteRepository(segment(repo), query), "repository " + repo);
  }

  public JsonNode listClusters(MultivaluedMap<String, String> query) {
    return read(() -> api.listClusters(query), "clusters").orElseThrow();
  }

  /** The cluster with API server URL (or name) {@code server}. */
  public Optional<JsonNode> findCluster(String server, MultivaluedMap<String, String> query) {
    return read(() -> api.getCluster(segment(server), query), "cluster " + server);
  }

  public JsonNode createCluster(JsonNode body, MultivaluedMap<String, String> query) {
    return write(() -> api.createCluster(body, query), "cluster");
  }

  public JsonNode updateCluster(
      String server, JsonNode body, MultivaluedMap<String, String> query) {
    return write(() -> api.updateCluster(segment(server), body, query), "cluster " + server);
  }

  public JsonNode deleteCluster(String server, MultivaluedMap<String, String> query) {
    return write(() -> api.deleteCluster(segment(server), query), "cluster " + server);
  }

  /** {@code value} encoded as one URL path segment (a repo or server URL holds slashes). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Optional<JsonNode> read(Supplier<Response> call, String what) {
    return readRaw(call, what).map(RawJson::tree);
  }

  private Optional<RawJson> readRaw(Supplier<Response> call, String what) {
    return readRaw(call, what, true);
  }

  /** A GET's answer, retried; {@code parse} false leaves a success unparsed until it is read. */
  private Optional<RawJson> readRaw(Supplier<Response> call, String what, boolean parse) {
    for (int attempt = 1; ; attempt++) {
      try (Response response = call.get()) {
        int status = response.getStatus();
        if (status == 404) {
          return Optional.empty();
        }
        if (status >= 502 && status <= 504 && attempt < GET_ATTEMPTS) {
          pause(attempt);
          continue;
        }
        return Optional.of(raw(response, what, parse));
      } catch (ProcessingException e) {
        if (attempt >= GET_ATTEMPTS) {
          throw unreachable(e);
        }
        LOG.debugf("app-controller GET of %s failed (attempt %d): %s", what, attempt, e);
        pause(attempt);
      }
    }
  }

  private JsonNode write(Supplier<Response> call, String what) {
    try (Response response = call.get()) {
      if (response.getStatus() == 404) {
        throw ProblemException.notFound(what);
      }
      return raw(response, what, true).tree();
    } catch (ProcessingException e) {
      throw unreachable(e);
    }
  }

  private static RawJson raw(Response response, String what, boolean parse) {
    int status = response.getStatus();
    byte[] bytes = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
    if (!parse && status < 300 && !blank(bytes)) {
      return RawJson.unparsed(bytes);
    }
    JsonNode json;
    try {
      json = blank(bytes) ? Json.mapper().createObjectNode() : Json.mapper().readTree(bytes);
    } catch (Exception e) {
      json = null;
    }
    if (status < 400 && json != null) {
      return new RawJson(blank(bytes) ? Json.toBytes(json) : bytes, json);
    }
    if (status >= 400 && status < 500) {
      String detail =
          json != null && json.hasNonNull("detail")
              ? json.get("detail").asText()
              : what + ": app-controller answered " + status;
      List<Problem.FieldError> errors = new ArrayList<>();
      if (json != null) {
        for (JsonNode e : json.path("errors")) {
          errors.add(
              new Problem.FieldError(e.path("field").asText(""), e.path("message").asText("")));
        }
      }
      throw new ProblemException(Problem.of(status, detail, errors));
    }
    throw new ProblemException(
        502,
        "app-controller failed on "
            + what
            + " with HTTP "
            + status
            + (json != null && json.hasNonNull("detail") ? ": " + json.get("detail").asText() : "")
            + "; see app-controller's log");
  }

  private static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static ProblemException unreachable(ProcessingException e) {
    return new ProblemException(
        503,
        "app-controller is not reachable ("
            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
            + "); check that it runs (./quargo status) and quarkus.rest-client.app-controller.url");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(503, "interrupted while retrying app-controller");
    }
  }

  /**
   * {@code GET /applications/{name}/{view}} (manifests, diff, resource, syncwindows), where a 404
   * keeps app-controller's detail (an unknown revision or live object is not a missing app).
   */
  public JsonNode inspect(String name, String view, MultivaluedMap<String, String> query) {
    return answer(() -> api.view(name, view, query), "application " + name + " " + view);
  }

  /** {@code DELETE /applications/{name}/{part}}: operation (terminate the running sync). */
  public JsonNode deletePart(String name, String part, MultivaluedMap<String, String> query) {
    return answer(() -> api.deletePart(name, part, query), "application " + name + " " + part);
  }

  /** app-controller's answer, or its problem with status and detail (also for a 404). */
  private static JsonNode answer(Supplier<Response> call, String what) {
    try (Response response = call.get()) {
      return raw(response, what, true).tree();
    } catch (ProcessingException e) {
      throw unreachable(e);
    }
  }

  /**
   * {@code POST /applications/{name}/resource}: patches a live resource, answers {@code
   * {manifest}}; not retried (a patch is not idempotent).
   */
  public JsonNode patchResource(String name, JsonNode patch, MultivaluedMap<String, String> query) {
    return answer(
        () -> api.patchResource(name, patch, query), "application " + name + " resource patch");
  }

  /**
   * {@code GET /applications/{name}/revisions/{revision}/metadata}; a 404 keeps app-controller's
   * detail (an unknown revision is not a missing app).
   */
  public JsonNode revisionMetadata(
      String name, String revision, MultivaluedMap<String, String> query) {
    return answer(
        () -> api.revisionMetadata(name, revision, query),
        "application " + name + " revision " + revision);
  }

  /** {@code GET /applications/{name}/resource/actions}: the actions of one live resource. */
  public JsonNode listResourceActions(String name, MultivaluedMap<String, String> query) {
    return answer(
        () -> api.listResourceActions(name, query), "application " + name + " resource actions");
  }

  /** {@code POST /applications/{name}/resource/actions} with {@code {action}}: runs one. */
  public JsonNode runResourceAction(
      String name, String action, MultivaluedMap<String, String> query) {
    return runResourceAction(name, action, null, query);
  }

  /**
   * As {@link #runResourceAction(String, String, MultivaluedMap)} with Argo's {@code
   * resourceActionParameters: [{name, value}]} (none when null), as {@code scale}'s replicas.
   */
  public JsonNode runResourceAction(
      String name, String action, JsonNode parameters, MultivaluedMap<String, String> query) {
    ObjectNode body = Json.mapper().createObjectNode().put("action", action);
    if (parameters != null) {
      body.set("resourceActionParameters", parameters);
    }
    return answer(
        () -> api.runResourceAction(name, body, query), "application " + name + " resource action");
  }
}
