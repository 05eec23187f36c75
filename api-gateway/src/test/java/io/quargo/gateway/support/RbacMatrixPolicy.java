package io.quargo.gateway.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts for the RBAC matrix: for each action, {@code may-<action>} has only that action (on
 * every resource and object), and {@code all-but-<action>} has every action with a deny line for
 * that one, so a route that checks another action than it should fails one of the two.
 */
public final class RbacMatrixPolicy {

  /** Argo CD's actions the gateway's routes check. */
  public static final List<String> ACTIONS =
      List.of("get", "create", "update", "delete", "sync", "override");

  /** The policy lines of the matrix accounts. */
  public static final String CSV;

  /** {@code quargo.gateway.accounts.<name>.enabled=true} for each matrix account. */
  public static final Map<String, String> ACCOUNTS;

  static {
    StringBuilder csv = new StringBuilder();
    Map<String, String> accounts = new LinkedHashMap<>();
    for (String action : ACTIONS) {
      csv.append("p, role:may-%1$s, *, %1$s, *, allow\n".formatted(action));
      csv.append("g, may-%1$s, role:may-%1$s\n".formatted(action));
      csv.append("p, role:all-but-%1$s, *, *, *, allow\n".formatted(action));
      csv.append("p, role:all-but-%1$s, *, %1$s, *, deny\n".formatted(action));
      csv.append("g, all-but-%1$s, role:all-but-%1$s\n".formatted(action));
      accounts.put("quargo.gateway.accounts.may-" + action + ".enabled", "true");
      accounts.put("quargo.gateway.accounts.all-but-" + action + ".enabled", "true");
    }
    CSV = csv.toString();
    ACCOUNTS = Map.copyOf(accounts);
  }

  private RbacMatrixPolicy() {}

  /** The account allowed only {@code action}. */
  public static String allowedOnly(String action) {
    return "may-" + action;
  }

  /** The account allowed everything but {@code action}. */
  public static String deniedOnly(String action) {
    return "all-but-" + action;
  }
}
