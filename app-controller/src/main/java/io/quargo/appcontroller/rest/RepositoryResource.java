package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RepoServerClient;
import io.quargo.appcontroller.repository.Repository;
import io.quargo.appcontroller.repository.RepositoryRegistry;
import io.quargo.appcontroller.repository.RepositoryRequests;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Argo CD's repository routes, {@code /api/v1/repositories[/{repo}]} ({@code repo} URL-encoded).
 * Answers carry the connection state (a refs call through repo-server), never a password or key.
 */
@Path("/api/v1/repositories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepositoryResource {

  private final RepositoryRegistry registry;
  private final RepoServerClient repoServer;
  private final Map<String, ObjectNode> states = new ConcurrentHashMap<>();

  public RepositoryResource(RepositoryRegistry registry, RepoServerClient repoServer) {
    this.registry = registry;
    this.repoServer = repoServer;
  }

  @GET
  public ObjectNode list() {
    ObjectNode list = Json.mapper().createObjectNode();
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    registry.list().forEach(r -> items.add(view(r, state(r, false))));
    return list;
  }

  @GET
  @Path("/{repo: .+}")
  public ObjectNode get(@PathParam("repo") String repo) {
    Repository found = find(repo);
    return view(found, state(found, true));
  }

  /** Registers a repository; 409 when it exists, unless {@code upsert}. */
  @POST
  public ObjectNode create(ObjectNode body, @QueryParam("upsert") boolean upsert) {
    Repository repository = registry.create(RepositoryRequests.read(body), upsert);
    return view(repository, state(repository, true));
  }

  @DELETE
  @Path("/{repo: .+}")
  public ObjectNode delete(@PathParam("repo") String repo) {
    Repository found = find(repo);
    registry.delete(found.repo());
    states.remove(Repository.normalize(found.repo()));
    return Json.mapper().createObjectNode();
  }

  private Repository find(String repo) {
    return registry.find(repo).orElseThrow(() -> ProblemException.notFound("repository " + repo));
  }

  private ObjectNode state(Repository repository, boolean fresh) {
    String key = Repository.normalize(repository.repo());
    ObjectNode known = states.get(key);
    if (known != null && !fresh) {
      return known;
    }
    ObjectNode state = repoServer.connectionState(repository);
    states.put(key, state);
    return state;
  }

  /** Argo's Repository JSON without secrets. */
  static ObjectNode view(Repository repository, ObjectNode state) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("repo", repository.repo());
    node.put("type", repository.type());
    if (repository.name() != null) {
      node.put("name", repository.name());
    }
    if (repository.project() != null) {
      node.put("project", repository.project());
    }
    if (repository.username() != null) {
      node.put("username", repository.username());
    }
    node.put("insecure", repository.insecure());
    node.put("hasCredentials", repository.hasCredentials());
    node.set("connectionState", state.deepCopy());
    return node;
  }
}
