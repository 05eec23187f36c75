package io.quargo.gateway.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.body.BodyChecks;
import io.quargo.gateway.body.YamlBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Argo CD's account token routes ({@code argocd account generate-token / delete-token}): the
 * account itself or a caller with {@code accounts, update, <name>} creates and deletes its API
 * tokens.
 */
@Path("/api/v1/account/{name}/token")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class AccountTokenResource {

  private static final int MAX_ID_LENGTH = 253;

  private final AccountTokens tokens;
  private final AccountAccess access;

  public AccountTokenResource(AccountTokens tokens, AccountAccess access) {
    this.tokens = tokens;
    this.access = access;
  }

  /**
   * {@code {expiresIn (seconds, 0 or absent = never), id (optional, default a UUID)}} to {@code
   * {token}}; the account needs the {@code apiKey} capability.
   */
  @POST
  public Map<String, String> create(@PathParam("name") String name, JsonNode body) {
    long expiresIn = 0;
    String id = null;
    if (body != null) {
      BodyChecks.object(body, "{\"expiresIn\": seconds, \"id\": ..}");
      BodyChecks.optionalInteger(body, "expiresIn", "expiresIn");
      id = BodyChecks.textOrNull(body, "id", "id");
      expiresIn = body.path("expiresIn").asLong(0);
    }
    if (expiresIn < 0 || expiresIn > AccountTokens.NEVER.toSeconds()) {
      throw ProblemException.invalid(
          "expiresIn",
          "must be 0 (never expires) or a number of seconds up to "
              + AccountTokens.NEVER.toSeconds()
              + ", got "
              + expiresIn);
    }
    if (id != null && id.isBlank()) {
      id = null;
    }
    if (id != null && id.length() > MAX_ID_LENGTH) {
      throw ProblemException.invalid("id", "must have at most " + MAX_ID_LENGTH + " characters");
    }
    access.require("update", name);
    return Map.of("token", tokens.create(name, expiresIn, id));
  }

  /** Deletes the token {@code id}: it is refused from its next use on. */
  @DELETE
  @Path("/{id}")
  public Map<String, Object> delete(@PathParam("name") String name, @PathParam("id") String id) {
    access.require("update", name);
    tokens.delete(name, id);
    return Map.of();
  }
}
