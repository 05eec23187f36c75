package io.quargo.gateway.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.CurrentCaller;
import io.quargo.gateway.auth.TokenService;
import io.quargo.gateway.body.BodyChecks;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.client.AppControllerClient;
import io.quargo.gateway.rbac.ProjectPolicies;
import io.quargo.gateway.rbac.Rbac;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * API tokens for automation, as Argo CD's project role tokens: a JWT with subject {@code
 * proj:<project>:<role>}, recorded in the role's {@code jwtTokens} and revoked by removing it.
 */
@Path("/api/v1/projects/{project}/roles/{role}/token")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class ProjectRoleTokenResource {

  private final AppControllerClient appController;
  private final Rbac rbac;
  private final CurrentCaller current;
  private final TokenService tokens;

  public ProjectRoleTokenResource(
      AppControllerClient appController, Rbac rbac, CurrentCaller current, TokenService tokens) {
    this.appController = appController;
    this.rbac = rbac;
    this.current = current;
    this.tokens = tokens;
  }

  /** {@code {expiresIn (seconds, 0 = never), id}} to {@code {token}}; needs projects update. */
  @POST
  public Map<String, String> create(
      @PathParam("project") String project, @PathParam("role") String role, JsonNode body) {
    if (body != null) {
      BodyChecks.object(body, "{expiresIn (seconds), id}");
      BodyChecks.optionalInteger(body, "expiresIn", "expiresIn");
      BodyChecks.optionalText(body, "id", "id");
    }
    rbac.forCaller(current.get()).require("projects", "update", project);
    ObjectNode stored = load(project);
    ObjectNode roleNode = role(stored, project, role);
    long expiresIn = body == null ? 0 : body.path("expiresIn").asLong(0);
    if (expiresIn < 0) {
      throw ProblemException.invalid("expiresIn", "must be 0 (never) or a number of seconds");
    }
    String id =
        body != null && !body.path("id").asText("").isBlank()
            ? body.path("id").asText()
            : UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expires =
        expiresIn == 0 ? now.plus(Duration.ofDays(36500)) : now.plusSeconds(expiresIn);
    String token = tokens.issue(ProjectPolicies.subject(project, role), id, now, expires);
    ArrayNode list =
        roleNode.has("jwtTokens") && roleNode.get("jwtTokens").isArray()
            ? (ArrayNode) roleNode.get("jwtTokens")
            : roleNode.putArray("jwtTokens");
    ObjectNode entry = list.addObject().put("iat", now.getEpochSecond()).put("id", id);
    if (expiresIn > 0) {
      entry.put("exp", expires.getEpochSecond());
    }
    save(project, stored);
    return Map.of("token", token);
  }

  /** Revokes the token issued at {@code iat} (or with {@code ?id=}); needs projects update. */
  @DELETE
  @Path("/{iat}")
  public Map<String, Object> delete(
      @PathParam("project") String project,
      @PathParam("role") String role,
      @PathParam("iat") long iat,
      @QueryParam("id") String id) {
    rbac.forCaller(current.get()).require("projects", "update", project);
    ObjectNode stored = load(project);
    JsonNode list = role(stored, project, role).path("jwtTokens");
    boolean removed = false;
    for (int i = list.size() - 1; i >= 0; i--) {
      JsonNode t = list.get(i);
      boolean match =
          id != null && !id.isBlank()
              ? id.equals(t.path("id").asText())
              : t.path("iat").asLong() == iat;
      if (match) {
        ((ArrayNode) list).remove(i);
        removed = true;
      }
    }
    if (!removed) {
      throw ProblemException.notFound("token " + (id != null ? id : iat) + " of role " + role);
    }
    save(project, stored);
    return Map.of();
  }

  private ObjectNode load(String project) {
    return (ObjectNode)
        appController
            .findProject(project)
            .orElseThrow(() -> ProblemException.notFound("project " + project));
  }

  private static ObjectNode role(ObjectNode project, String projectName, String role) {
    for (JsonNode r : project.path("spec").path("roles")) {
      if (role.equals(r.path("name").asText())) {
        return (ObjectNode) r;
      }
    }
    throw ProblemException.notFound("role " + role + " in project " + projectName);
  }

  private void save(String project, ObjectNode stored) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("project", stored);
    appController.updateProject(project, body);
  }
}
