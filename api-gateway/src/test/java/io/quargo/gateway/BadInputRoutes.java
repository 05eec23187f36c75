package io.quargo.gateway;

import java.util.Map;

/**
 * What bad input looks like for each route {@link BadInputWalkTest} walks; a new route goes here.
 */
final class BadInputRoutes {

  private BadInputRoutes() {}

  /**
   * Samples for one route: a path to an existing object (for body cases), a path with unknown names
   * (null when its parameters name nothing stored), a valid body, a body missing a required field
   * (null when nothing is required) and one with a field of the wrong type.
   */
  record Sample(String existing, String unknown, String valid, String missing, String wrongType) {
    static Sample none() {
      return new Sample(null, null, null, null, null);
    }

    static Sample unknownName(String unknown) {
      return new Sample(null, unknown, null, null, null);
    }
  }

  private static final String APP =
      "{\"metadata\":{\"name\":\"guestbook\"},\"spec\":{\"project\":\"default\","
          + "\"source\":{\"repoURL\":\"https://example.test/r.git\",\"path\":\".\"},"
          + "\"destination\":{\"server\":\"https://kubernetes.default.svc\"}}}";
  private static final String NO_REPO = "https%3A%2F%2Fnowhere.test%2Fr.git";
  private static final String IN_CLUSTER = "https%3A%2F%2Fkubernetes.default.svc";

  /** A live resource of the guestbook, named as the resource routes take it. */
  private static final String DEPLOYMENT =
      "resourceName=guestbook-ui&kind=Deployment&group=apps&version=v1&namespace=default"
          + "&patchType=application%2Fmerge-patch%2Bjson";

  /** The samples of every route, by "METHOD /path" as the OpenAPI document names it. */
  static final Map<String, Sample> ROUTES =
      Map.ofEntries(
          Map.entry("GET /api/version", Sample.none()),
          Map.entry("GET /api/v1/settings", Sample.none()),
          Map.entry(
              "POST /api/v1/session",
              new Sample(
                  "/api/v1/session",
                  null,
                  null,
                  "{\"password\":\"x\"}",
                  "{\"username\":[\"admin\"],\"password\":1}")),
          Map.entry("DELETE /api/v1/session", Sample.none()),
          Map.entry("GET /api/v1/session/userinfo", Sample.none()),
          Map.entry("GET /api/v1/account", Sample.none()),
          Map.entry(
              "GET /api/v1/account/{name}", Sample.unknownName("/api/v1/account/does-not-exist")),
          Map.entry(
              "POST /api/v1/account/{name}/token",
              new Sample(
                  "/api/v1/account/admin/token",
                  "/api/v1/account/does-not-exist/token",
                  "{\"id\":\"t1\"}",
                  null,
                  "{\"expiresIn\":\"soon\",\"id\":7}")),
          Map.entry(
              "DELETE /api/v1/account/{name}/token/{id}",
              Sample.unknownName("/api/v1/account/admin/token/does-not-exist")),
          Map.entry(
              "PUT /api/v1/account/password",
              new Sample(
                  "/api/v1/account/password",
                  null,
                  null,
                  "{\"currentPassword\":\"x\"}",
                  "{\"currentPassword\":5,\"newPassword\":{\"a\":1}}")),
          // a question about permissions, not a stored name: "no" is its answer
          Map.entry("GET /api/v1/account/can-i/{resource}/{action}/{subresource}", Sample.none()),
          Map.entry("GET /api/v1/applications", Sample.none()),
          Map.entry(
              "POST /api/v1/applications",
              new Sample(
                  "/api/v1/applications",
                  null,
                  null,
                  "{\"spec\":{\"project\":\"default\"}}",
                  "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"source\":\"not-an-object\"}}")),
          Map.entry(
              "GET /api/v1/applications/{name}",
              Sample.unknownName("/api/v1/applications/does-not-exist")),
          Map.entry(
              "PUT /api/v1/applications/{name}",
              new Sample(
                  "/api/v1/applications/guestbook",
                  "/api/v1/applications/does-not-exist",
                  APP,
                  "{\"metadata\":{\"name\":\"guestbook\"}}",
                  "{\"metadata\":{\"name\":\"guestbook\"},\"spec\":{\"destination\":[1]}}")),
          Map.entry(
              "DELETE /api/v1/applications/{name}",
              Sample.unknownName("/api/v1/applications/does-not-exist")),
          Map.entry(
              "POST /api/v1/applications/{name}/sync",
              new Sample(
                  "/api/v1/applications/guestbook/sync",
                  "/api/v1/applications/does-not-exist/sync",
                  "{\"prune\":true}",
                  null,
                  "{\"prune\":\"yes\",\"revision\":5}")),
          Map.entry(
              "POST /api/v1/applications/{name}/rollback",
              new Sample(
                  "/api/v1/applications/guestbook/rollback",
                  "/api/v1/applications/does-not-exist/rollback",
                  "{\"id\":1}",
                  "{\"prune\":true}",
                  "{\"id\":\"latest\"}")),
          Map.entry(
              "POST /api/v1/applications/{name}/refresh",
              Sample.unknownName("/api/v1/applications/does-not-exist/refresh")),
          Map.entry(
              "GET /api/v1/applications/{name}/managed-resources",
              Sample.unknownName("/api/v1/applications/does-not-exist/managed-resources")),
          Map.entry(
              "GET /api/v1/applications/{name}/resource-tree",
              Sample.unknownName("/api/v1/applications/does-not-exist/resource-tree")),
          Map.entry(
              "PATCH /api/v1/applications/{name}",
              new Sample(
                  "/api/v1/applications/guestbook",
                  "/api/v1/applications/does-not-exist",
                  "{\"patch\":\"{}\",\"patchType\":\"merge\"}",
                  "{\"patchType\":\"merge\"}",
                  "{\"patch\":5,\"patchType\":1}")),
          Map.entry(
              "PUT /api/v1/applications/{name}/spec",
              new Sample(
                  "/api/v1/applications/guestbook/spec",
                  "/api/v1/applications/does-not-exist/spec",
                  "{\"project\":\"default\"}",
                  null,
                  "{\"project\":\"default\",\"destination\":[1]}")),
          Map.entry(
              "DELETE /api/v1/applications/{name}/operation",
              Sample.unknownName("/api/v1/applications/does-not-exist/operation")),
          Map.entry(
              "GET /api/v1/applications/{name}/manifests",
              Sample.unknownName("/api/v1/applications/does-not-exist/manifests")),
          Map.entry(
              "GET /api/v1/applications/{name}/diff",
              Sample.unknownName("/api/v1/applications/does-not-exist/diff")),
          Map.entry(
              "GET /api/v1/applications/{name}/resource",
              Sample.unknownName(
                  "/api/v1/applications/does-not-exist/resource?resourceName=x&kind=Pod&version=v1")),
          Map.entry(
              "GET /api/v1/applications/{name}/syncwindows",
              Sample.unknownName("/api/v1/applications/does-not-exist/syncwindows")),
          Map.entry(
              "GET /api/v1/applications/{name}/resource/actions",
              Sample.unknownName(
                  "/api/v1/applications/does-not-exist/resource/actions?resourceName=x&kind=Pod")),
          // Argo's body is the action's name as a JSON string, so a string body is valid here:
          // the existing path names no resource, which every bad body then runs into
          Map.entry(
              "POST /api/v1/applications/{name}/resource/actions",
              new Sample(
                  "/api/v1/applications/guestbook/resource/actions",
                  "/api/v1/applications/does-not-exist/resource/actions"
                      + "?resourceName=guestbook-ui&kind=Deployment&group=apps",
                  "\"restart\"",
                  "{}",
                  "{\"action\":7}")),
          Map.entry(
              "POST /api/v1/applications/{name}/resource/actions/v2",
              new Sample(
                  "/api/v1/applications/guestbook/resource/actions/v2",
                  "/api/v1/applications/does-not-exist/resource/actions/v2",
                  "{\"action\":\"restart\",\"resourceName\":\"guestbook-ui\","
                      + "\"kind\":\"Deployment\",\"group\":\"apps\"}",
                  "{\"resourceName\":\"guestbook-ui\",\"kind\":\"Deployment\"}",
                  "{\"action\":\"restart\",\"resourceName\":[\"guestbook-ui\"],"
                      + "\"kind\":\"Deployment\"}")),
          Map.entry(
              "GET /api/v1/applications/{name}/events",
              Sample.unknownName("/api/v1/applications/does-not-exist/events")),
          Map.entry(
              "GET /api/v1/applications/{name}/revisions/{revision}/metadata",
              Sample.unknownName("/api/v1/applications/does-not-exist/revisions/main/metadata")),
          // Argo's body is the patch as a JSON string; the existing path names a resource and a
          // merge patch, so a list, a bad string or a number is refused as a patch
          Map.entry(
              "POST /api/v1/applications/{name}/resource",
              new Sample(
                  "/api/v1/applications/guestbook/resource?" + DEPLOYMENT,
                  "/api/v1/applications/does-not-exist/resource?" + DEPLOYMENT,
                  "\"{\\\"spec\\\":{\\\"replicas\\\":2}}\"",
                  "\"\"",
                  "5")),
          Map.entry(
              "DELETE /api/v1/applications/{name}/resource",
              Sample.unknownName("/api/v1/applications/does-not-exist/resource?" + DEPLOYMENT)),
          Map.entry("GET /api/v1/projects", Sample.none()),
          Map.entry(
              "POST /api/v1/projects",
              new Sample(
                  "/api/v1/projects",
                  null,
                  null,
                  "{\"project\":{\"spec\":{}}}",
                  "{\"project\":{\"metadata\":{\"name\":\"x\"},\"spec\":{\"sourceRepos\":{}}}}")),
          Map.entry(
              "GET /api/v1/projects/{name}", Sample.unknownName("/api/v1/projects/does-not-exist")),
          Map.entry(
              "PUT /api/v1/projects/{name}",
              new Sample(
                  "/api/v1/projects/default",
                  "/api/v1/projects/does-not-exist",
                  "{\"project\":{\"metadata\":{\"name\":\"does-not-exist\"},\"spec\":{}}}",
                  "{\"upsert\":true}",
                  "{\"project\":{\"metadata\":{\"name\":\"default\"},"
                      + "\"spec\":{\"destinations\":\"all\"}}}")),
          Map.entry(
              "DELETE /api/v1/projects/{name}",
              Sample.unknownName("/api/v1/projects/does-not-exist")),
          Map.entry(
              "POST /api/v1/projects/{project}/roles/{role}/token",
              new Sample(
                  "/api/v1/projects/default/roles/ci/token",
                  "/api/v1/projects/does-not-exist/roles/ci/token",
                  "{\"id\":\"t1\"}",
                  null,
                  "{\"expiresIn\":\"soon\"}")),
          Map.entry(
              "DELETE /api/v1/projects/{project}/roles/{role}/token/{iat}",
              Sample.unknownName("/api/v1/projects/does-not-exist/roles/ci/token/0")),
          Map.entry("GET /api/v1/repositories", Sample.none()),
          Map.entry(
              "POST /api/v1/repositories",
              new Sample(
                  "/api/v1/repositories",
                  null,
                  null,
                  "{\"username\":\"x\"}",
                  "{\"repo\":\"https://x.test/r.git\",\"insecure\":\"yes\"}")),
          Map.entry(
              "GET /api/v1/repositories/{repo}",
              Sample.unknownName("/api/v1/repositories/" + NO_REPO)),
          Map.entry(
              "DELETE /api/v1/repositories/{repo}",
              Sample.unknownName("/api/v1/repositories/" + NO_REPO)),
          Map.entry("GET /api/v1/clusters", Sample.none()),
          Map.entry(
              "POST /api/v1/clusters",
              new Sample(
                  "/api/v1/clusters",
                  null,
                  null,
                  "{\"name\":\"x\"}",
                  "{\"server\":\"https://x.test\","
                      + "\"config\":{\"tlsClientConfig\":{\"insecure\":\"no\"}}}")),
          Map.entry(
              "GET /api/v1/clusters/{server}", Sample.unknownName("/api/v1/clusters/" + NO_REPO)),
          Map.entry(
              "PUT /api/v1/clusters/{server}",
              new Sample(
                  "/api/v1/clusters/" + IN_CLUSTER,
                  "/api/v1/clusters/" + NO_REPO,
                  "{\"name\":\"n\"}",
                  null,
                  "{\"namespaces\":\"all\"}")),
          Map.entry(
              "DELETE /api/v1/clusters/{server}",
              Sample.unknownName("/api/v1/clusters/" + NO_REPO)),
          Map.entry("GET /api/v1/stream/applications", Sample.none()));
}
