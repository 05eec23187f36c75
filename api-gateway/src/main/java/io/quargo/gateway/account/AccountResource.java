package io.quargo.gateway.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.auth.CurrentCaller;
import io.quargo.gateway.body.BodyChecks;
import io.quargo.gateway.body.YamlBodies;
import io.quargo.gateway.rbac.Rbac;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Argo CD's account routes: list, one account, password change, can-i. */
@Path("/api/v1/account")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
@Consumes({MediaType.APPLICATION_JSON, YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
public class AccountResource {

  private final AccountService accounts;
  private final CurrentCaller current;
  private final Rbac rbac;
  private final AccountAccess access;

  public AccountResource(
      AccountService accounts, CurrentCaller current, Rbac rbac, AccountAccess access) {
    this.accounts = accounts;
    this.current = current;
    this.rbac = rbac;
    this.access = access;
  }

  /** Every account (needs {@code accounts, get}). */
  @GET
  public Map<String, List<AccountService.AccountView>> list() {
    rbac.forCaller(current.get()).require("accounts", "get", "*");
    return Map.of("items", accounts.list());
  }

  /**
   * One account with its API tokens (id, issuedAt, expiresAt); the account itself may read it,
   * others need {@code accounts, get, <name>}.
   */
  @GET
  @Path("/{name}")
  public AccountService.AccountView get(@PathParam("name") String name) {
    access.require("get", name);
    return accounts.get(name);
  }

  /**
   * {@code {currentPassword, newPassword[, name]}}: changes the caller's password, or {@code
   * name}'s with {@code accounts, update}.
   */
  @PUT
  @Path("/password")
  public Map<String, Object> changePassword(JsonNode body) {
    Caller caller = current.get();
    BodyChecks.object(body, "{\"currentPassword\":..,\"newPassword\":..[,\"name\":..]}");
    BodyChecks.requiredText(body, "newPassword", "newPassword");
    BodyChecks.optionalText(body, "currentPassword", "currentPassword");
    BodyChecks.optionalText(body, "name", "name");
    if (caller.projectRole().isPresent()) {
      throw new ProblemException(403, "a project token has no password; log in as an account");
    }
    String name = body.path("name").asText("");
    if (name.isBlank()) {
      name = caller.subject();
    }
    if (!name.equals(caller.subject())) {
      rbac.forCaller(caller).require("accounts", "update", name);
    }
    accounts.changePassword(
        caller.subject(),
        name,
        body.path("currentPassword").asText(null),
        body.path("newPassword").asText(null));
    return Map.of();
  }

  /** {@code {"value":"yes"|"no"}}: whether the caller may do the action. */
  @GET
  @Path("/can-i/{resource}/{action}/{subresource: .+}")
  public Map<String, String> canI(
      @PathParam("resource") String resource,
      @PathParam("action") String action,
      @PathParam("subresource") String subresource) {
    boolean can = rbac.forCaller(current.get()).can(resource, action, subresource);
    return Map.of("value", can ? "yes" : "no");
  }
}
