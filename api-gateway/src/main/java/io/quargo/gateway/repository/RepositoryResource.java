package io.quargo.gateway.repository;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * Argo CD's repository routes ({@code /api/v1/repositories[/{repo}]}, the URL encoded as one path
 * segment), checked by RBAC ({@code repositories, <action>, [<project>/]<url>}) and served by
 * app-controller. Answers never carry a password or key.
 */
@Path("/api/v1/repositories")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class RepositoryResource {

  private static final String RESOURCE = "repositories";
  private static final String SHAPE = "a Repository {repo, type, name, project, username, ...}";
  private static final Set<String> TYPES = Set.of("git", "helm");

  private final AppControllerClient appController;
  private final Rbac rbac;
  private final CurrentCaller current;

  public RepositoryResource(AppControllerClient appController, Rbac rbac, CurrentCaller current) {
    this.appController = appController;
    this.rbac = rbac;
    this.current = current;
  }

  /** The repositories the caller may {@code get}. */
  @GET
  public JsonNode list(@Context UriInfo uri) {
    JsonNode list = appController.listRepositories(uri.getQueryParameters());
    return Secrets.redact(
        VisibleItems.filter(
            list, rbac.forCaller(current.get()), RESOURCE, RepositoryResource::object));
  }

  @GET
  @Path("/{repo: .+}")
  public JsonNode get(@PathParam("repo") String repo, @Context UriInfo uri) {
    return Secrets.redact(authorized(repo, "get", uri));
  }

  /** Adds a repository ({@code ?upsert=true} replaces one); needs {@code create} on it. */
  @POST
  public JsonNode create(JsonNode body, @Context UriInfo uri) {
    check(body);
    rbac.forCaller(current.get()).require(RESOURCE, "create", object(body));
    return Secrets.redact(appController.createRepository(body, uri.getQueryParameters()));
  }

  @DELETE
  @Path("/{repo: .+}")
  public JsonNode delete(@PathParam("repo") String repo, @Context UriInfo uri) {
    authorized(repo, "delete", uri);
    return Secrets.redact(appController.deleteRepository(repo, uri.getQueryParameters()));
  }

  /** The stored repository once the caller may do {@code action}; 404 first when absent. */
  private JsonNode authorized(String repo, String action, UriInfo uri) {
    JsonNode stored =
        appController
            .findRepository(repo, uri.getQueryParameters())
            .orElseThrow(() -> ProblemException.notFound("repository " + repo));
    rbac.forCaller(current.get()).require(RESOURCE, action, object(stored));
    return stored;
  }

  /** Argo's Repository shape, field by field, before anything is sent on. */
  static void check(JsonNode body) {
    BodyChecks.object(body, SHAPE);
    BodyChecks.requiredText(body, "repo", "repo");
    for (String text :
        new String[] {
          "type",
          "name",
          "project",
          "username",
          "password",
          "sshPrivateKey",
          "tlsClientCertData",
          "tlsClientCertKey",
          "proxy"
        }) {
      BodyChecks.optionalText(body, text, text);
    }
    for (String flag :
        new String[] {"insecure", "insecureIgnoreHostKey", "enableLfs", "enableOCI"}) {
      BodyChecks.optionalBoolean(body, flag, flag);
    }
    String type = body.path("type").asText("");
    if (!type.isEmpty() && !TYPES.contains(type)) {
      throw ProblemException.invalid("type", "must be git or helm, got \"" + type + "\"");
    }
  }

  private static String object(JsonNode repo) {
    return Rbac.scopedObject(repo.path("project").asText(""), repo.path("repo").asText(""));
  }
}
