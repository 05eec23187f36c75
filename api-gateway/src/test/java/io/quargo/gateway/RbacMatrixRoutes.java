package io.quargo.gateway;

import static io.quargo.gateway.support.AppControllerStandIn.IN_CLUSTER;
import static io.quargo.gateway.support.AppControllerStandIn.PUBLIC_REPO;
import static io.quargo.gateway.support.AppControllerStandIn.SHA;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * The routes {@link RbacMatrixTest} walks: each gateway route with the permission it needs, the
 * routes any logged-in caller may use and the list routes. A new route goes here.
 */
final class RbacMatrixRoutes {

  private RbacMatrixRoutes() {}

  /**
   * A route and the permission it needs.
   *
   * @param body the request body; {@code {user}} is replaced by the caller's name
   * @param permission what a 403 names: {@code resource, action, object}
   */
  record Route(String method, String path, String body, String permission) {
    String action() {
      return permission.split(", ")[1];
    }

    boolean reads() {
      return action().equals("get");
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + permission + ")";
    }
  }

  static final String APP = "/api/v1/applications/guestbook";

  private static String app(String name) {
    return ("{\"metadata\":{\"name\":\"%s\"},\"spec\":{\"project\":\"default\","
            + "\"source\":{\"repoURL\":\"https://example.test/r.git\",\"path\":\".\"},"
            + "\"destination\":{\"server\":\"https://kubernetes.default.svc\"}}}")
        .formatted(name);
  }

  private static String enc(String url) {
    return URLEncoder.encode(url, StandardCharsets.UTF_8);
  }

  /** The query naming the guestbook's Deployment, a live resource of the app. */
  private static final String DEPLOYMENT =
      "resourceName=guestbook-ui&kind=Deployment&group=apps&version=v1&namespace=default";

  /** Every route that checks a permission. */
  static Stream<Route> guarded() {
    String app = "applications, %s, default/guestbook";
    return Stream.of(
        new Route("GET", APP, null, app.formatted("get")),
        new Route(
            "POST",
            "/api/v1/applications",
            app("new-app"),
            "applications, create, default/new-app"),
        new Route("PUT", APP, app("guestbook"), app.formatted("update")),
        new Route("DELETE", APP, null, app.formatted("delete")),
        new Route("POST", APP + "/sync", "{}", app.formatted("sync")),
        new Route("POST", APP + "/rollback", "{\"id\":1}", app.formatted("sync")),
        new Route("POST", APP + "/refresh", null, app.formatted("get")),
        new Route("GET", APP + "/managed-resources", null, app.formatted("get")),
        new Route("GET", APP + "/resource-tree", null, app.formatted("get")),
        new Route("GET", APP + "/manifests?revision=main", null, app.formatted("get")),
        new Route("GET", APP + "/diff?revision=main", null, app.formatted("get")),
        new Route(
            "GET",
            APP + "/resource?resourceName=guestbook-ui&kind=Deployment&version=v1&group=apps",
            null,
            app.formatted("get")),
        new Route("GET", APP + "/syncwindows", null, app.formatted("get")),
        new Route(
            "GET",
            APP + "/resource/actions?resourceName=guestbook-ui&kind=Deployment&group=apps",
            null,
            app.formatted("get")),
        new Route(
            "PATCH",
            APP,
            "{\"patchType\":\"merge\",\"patch\":\"{\\\"spec\\\":{\\\"source\\\":{\\\"targetRevision\\\":\\\"v2\\\"}}}\"}",
            app.formatted("update")),
        new Route(
            "PUT",
            APP + "/spec",
            "{\"project\":\"default\",\"source\":{\"repoURL\":\"https://example.test/r.git\"},"
                + "\"destination\":{\"server\":\"https://kubernetes.default.svc\"}}",
            app.formatted("update")),
        new Route("DELETE", APP + "/operation", null, app.formatted("sync")),
        new Route("GET", APP + "/events", null, app.formatted("get")),
        new Route(
            "GET",
            APP + "/events?resourceNamespace=default&resourceName=guestbook-ui",
            null,
            app.formatted("get")),
        new Route("GET", APP + "/revisions/" + SHA + "/metadata", null, app.formatted("get")),
        new Route(
            "POST",
            APP + "/resource?" + DEPLOYMENT + "&patchType=application%2Fmerge-patch%2Bjson",
            "\"{\\\"spec\\\":{\\\"replicas\\\":2}}\"",
            app.formatted("update")),
        new Route("DELETE", APP + "/resource?" + DEPLOYMENT, null, app.formatted("delete")),
        new Route("GET", "/api/v1/projects/default", null, "projects, get, default"),
        new Route(
            "POST",
            "/api/v1/projects",
            "{\"project\":{\"metadata\":{\"name\":\"team\"},\"spec\":{}}}",
            "projects, create, team"),
        new Route(
            "PUT",
            "/api/v1/projects/default",
            "{\"project\":{\"metadata\":{\"name\":\"default\"},\"spec\":{\"sourceRepos\":[\"x\"]}}}",
            "projects, update, default"),
        new Route("DELETE", "/api/v1/projects/other", null, "projects, delete, other"),
        new Route(
            "POST",
            "/api/v1/projects/default/roles/ci/token",
            "{\"id\":\"matrix\"}",
            "projects, update, default"),
        new Route(
            "DELETE",
            "/api/v1/projects/default/roles/ci/token/0?id=seeded",
            null,
            "projects, update, default"),
        new Route(
            "GET",
            "/api/v1/repositories/" + enc(PUBLIC_REPO),
            null,
            "repositories, get, " + PUBLIC_REPO),
        new Route(
            "POST",
            "/api/v1/repositories",
            "{\"repo\":\"https://example.test/new.git\"}",
            "repositories, create, https://example.test/new.git"),
        new Route(
            "DELETE",
            "/api/v1/repositories/" + enc(PUBLIC_REPO),
            null,
            "repositories, delete, " + PUBLIC_REPO),
        new Route(
            "GET", "/api/v1/clusters/" + enc(IN_CLUSTER), null, "clusters, get, " + IN_CLUSTER),
        new Route(
            "POST",
            "/api/v1/clusters",
            "{\"server\":\"https://new.example:6443\",\"name\":\"new\"}",
            "clusters, create, https://new.example:6443"),
        new Route(
            "PUT",
            "/api/v1/clusters/" + enc(IN_CLUSTER),
            "{\"name\":\"renamed\"}",
            "clusters, update, " + IN_CLUSTER),
        new Route(
            "DELETE",
            "/api/v1/clusters/" + enc(IN_CLUSTER),
            null,
            "clusters, delete, " + IN_CLUSTER),
        new Route("GET", "/api/v1/account", null, "accounts, get, *"),
        new Route(
            "PUT",
            "/api/v1/account/password",
            "{\"name\":\"locked\",\"currentPassword\":\"pw-{user}\",\"newPassword\":\"locked-new-pw\"}",
            "accounts, update, locked"));
  }

  /** Routes any logged-in caller may use: they check no permission or answer about the caller. */
  static Stream<Route> open() {
    return Stream.of(
        new Route("GET", "/api/version", null, "-, -, -"),
        new Route("GET", "/api/v1/settings", null, "-, -, -"),
        new Route("GET", "/api/v1/session/userinfo", null, "-, -, -"),
        new Route(
            "GET", "/api/v1/account/can-i/applications/sync/default/guestbook", null, "-, -, -"),
        new Route(
            "PUT",
            "/api/v1/account/password",
            "{\"currentPassword\":\"pw-{user}\",\"newPassword\":\"pw-{user}\"}",
            "-, -, -"));
  }

  /** The list routes: never a 403, they leave out what the caller may not get. */
  static Stream<String> lists() {
    return Stream.of(
        "/api/v1/applications", "/api/v1/projects", "/api/v1/repositories", "/api/v1/clusters");
  }
}
