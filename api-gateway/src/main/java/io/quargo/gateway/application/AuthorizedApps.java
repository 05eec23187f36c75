package io.quargo.gateway.application;

import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.auth.CurrentCaller;
import io.quargo.gateway.client.AppControllerClient;
import io.quargo.gateway.client.RawJson;
import io.quargo.gateway.rbac.Rbac;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Loads an app for a route and checks the caller may do an action on it ({@code applications,
 * <action>, <project>/<app>}): 404 when absent (before RBAC, as the other application routes), 403
 * problem naming the permission otherwise.
 */
@ApplicationScoped
class AuthorizedApps {

  static final String RESOURCE = "applications";

  private final AppControllerClient appController;
  private final Rbac rbac;
  private final CurrentCaller current;

  AuthorizedApps(AppControllerClient appController, Rbac rbac, CurrentCaller current) {
    this.appController = appController;
    this.rbac = rbac;
    this.current = current;
  }

  /** The stored app {@code name} (in {@code appNamespace} of {@code query}), once allowed. */
  RawJson require(String name, String action, MultivaluedMap<String, String> query) {
    RawJson app =
        appController
            .findApplicationRaw(name, namespaceOnly(query))
            .orElseThrow(() -> ProblemException.notFound("application " + name));
    rbac.forCaller(current.get())
        .require(RESOURCE, action, ApplicationResource.rbacObject(app.tree()));
    return app;
  }

  /** 403 unless the caller may do {@code action} on the RBAC object {@code object}. */
  void require(String action, String object) {
    rbac.forCaller(current.get()).require(RESOURCE, action, object);
  }

  /** Only the {@code appNamespace} of {@code query}: what names the app, not a view's options. */
  static MultivaluedMap<String, String> namespaceOnly(MultivaluedMap<String, String> query) {
    MultivaluedMap<String, String> plain = AppControllerClient.query();
    if (query.containsKey("appNamespace")) {
      plain.put("appNamespace", query.get("appNamespace"));
    }
    return plain;
  }
}
