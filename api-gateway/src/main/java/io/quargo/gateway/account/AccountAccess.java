package io.quargo.gateway.account;

import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.auth.CurrentCaller;
import io.quargo.gateway.rbac.Rbac;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who may read or change an account, as Argo CD's {@code ensureHasAccountPermission}: the account
 * itself, with a token the gateway signed (not a user of the OIDC provider with the same name), or
 * a caller with {@code accounts, <action>, <name>}.
 */
@RequestScoped
public class AccountAccess {

  private final CurrentCaller current;
  private final Rbac rbac;

  public AccountAccess(CurrentCaller current, Rbac rbac) {
    this.current = current;
    this.rbac = rbac;
  }

  /** 401 without a caller; 403 naming the permission unless it is {@code name} or has it. */
  public void require(String action, String name) {
    Caller caller = current.get();
    boolean itself =
        caller.subject().equals(name) && !caller.fromProvider() && caller.projectRole().isEmpty();
    if (!itself) {
      rbac.forCaller(caller).require("accounts", action, name);
    }
  }
}
