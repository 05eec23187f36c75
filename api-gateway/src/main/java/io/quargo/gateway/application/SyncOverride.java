package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argo CD's {@code override} permission on a sync: a sync with local {@code manifests} always needs
 * it, and a sync to another revision than the app's {@code targetRevision} needs it when {@code
 * quargo.gateway.rbac.require-override-privilege-for-revision-sync} is set (argocd-cm's {@code
 * application.sync.requireOverridePrivilegeForRevisionSync}, off by default as in Argo CD).
 */
@ApplicationScoped
class SyncOverride {

  private final AuthorizedApps apps;
  private final boolean forRevision;

  SyncOverride(AuthorizedApps apps, GatewayConfig config) {
    this.apps = apps;
    this.forRevision = config.rbac().requireOverridePrivilegeForRevisionSync();
  }

  /**
   * 403 unless the caller may {@code override} {@code app} when {@code request} asks for it; 400
   * for local manifests once allowed, which app-controller cannot sync.
   */
  void check(JsonNode app, JsonNode request) {
    String object = ApplicationResource.rbacObject(app);
    boolean localManifests = request.hasNonNull("manifests");
    if (localManifests || forRevision && otherRevision(app, request)) {
      apps.require("override", object);
    }
    if (localManifests) {
      throw ProblemException.invalid(
          "manifests",
          "a sync with local manifests is not supported: push them and sync that revision");
    }
  }

  /** Whether the request names a revision other than the app's target ({@code HEAD} if none). */
  private static boolean otherRevision(JsonNode app, JsonNode request) {
    String revision = request.path("revision").asText("");
    if (revision.isBlank()) {
      return false;
    }
    String target = app.path("spec").path("source").path("targetRevision").asText("");
    if (app.path("spec").path("sources").isArray() && !app.path("spec").path("sources").isEmpty()) {
      target = app.path("spec").path("sources").get(0).path("targetRevision").asText("");
    }
    return !revision.equals(target.isBlank() ? "HEAD" : target);
  }
}
