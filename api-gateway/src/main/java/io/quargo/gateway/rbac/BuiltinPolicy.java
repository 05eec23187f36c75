package io.quargo.gateway.rbac;

/** The built-in roles {@code role:readonly} and {@code role:admin}, as Argo CD ships them. */
public final class BuiltinPolicy {

  /** Read-only access to everything; admin has that and may change everything. */
  public static final String CSV =
      """
      p, role:readonly, applications, get, */*, allow
      p, role:readonly, applicationsets, get, */*, allow
      p, role:readonly, certificates, get, *, allow
      p, role:readonly, clusters, get, *, allow
      p, role:readonly, repositories, get, *, allow
      p, role:readonly, write-repositories, get, *, allow
      p, role:readonly, projects, get, *, allow
      p, role:readonly, accounts, get, *, allow
      p, role:readonly, gpgkeys, get, *, allow
      p, role:readonly, logs, get, */*, allow

      p, role:admin, applications, create, */*, allow
      p, role:admin, applications, update, */*, allow
      p, role:admin, applications, update/*, */*, allow
      p, role:admin, applications, delete, */*, allow
      p, role:admin, applications, delete/*, */*, allow
      p, role:admin, applications, sync, */*, allow
      p, role:admin, applications, override, */*, allow
      p, role:admin, applications, action/*, */*, allow
      p, role:admin, applicationsets, create, */*, allow
      p, role:admin, applicationsets, update, */*, allow
      p, role:admin, applicationsets, delete, */*, allow
      p, role:admin, certificates, create, *, allow
      p, role:admin, certificates, update, *, allow
      p, role:admin, certificates, delete, *, allow
      p, role:admin, clusters, create, *, allow
      p, role:admin, clusters, update, *, allow
      p, role:admin, clusters, delete, *, allow
      p, role:admin, repositories, create, *, allow
      p, role:admin, repositories, update, *, allow
      p, role:admin, repositories, delete, *, allow
      p, role:admin, write-repositories, create, *, allow
      p, role:admin, write-repositories, update, *, allow
      p, role:admin, write-repositories, delete, *, allow
      p, role:admin, projects, create, *, allow
      p, role:admin, projects, update, *, allow
      p, role:admin, projects, delete, *, allow
      p, role:admin, accounts, update, *, allow
      p, role:admin, gpgkeys, create, *, allow
      p, role:admin, gpgkeys, delete, *, allow
      p, role:admin, exec, create, */*, allow
      g, role:admin, role:readonly
      g, admin, role:admin
      """;

  private BuiltinPolicy() {}
}
