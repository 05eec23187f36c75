package io.quargo.gateway.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quargo.common.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for the app-controller process: a real HTTP server on loopback serving Argo CD's
 * application and project routes over in-memory Argo JSON, recording what it was asked.
 */
public final class AppControllerStandIn {

  private final Map<String, ObjectNode> apps = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> projects = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> repositories = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> clusters = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AppControllerStandInLive live = new AppControllerStandInLive();
  private HttpServer server;
  private int port;

  /** Starts on a free port (or the previous one after {@link #stop()}). */
  public synchronized void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/api/v1/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    port = server.getAddress().getPort();
  }

  /** Stops listening, as a stopped app-controller would. */
  public synchronized void stop() {
    server.stop(0);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Method and path of each request, in order. */
  public List<String> requests() {
    return requests;
  }

  /**
   * Back to the seed: projects default and other; apps guestbook, guestbook-2, billing, other-app.
   */
  public void reset() {
    apps.clear();
    projects.clear();
    requests.clear();
    ((ObjectNode) project("default").get("spec")).putArray("roles").addObject().put("name", "ci");
    project("other");
    app("guestbook", "default");
    app("guestbook-2", "default");
    app("billing", "default");
    app("other-app", "other");
    live.reset(apps.keySet());
    repositories.clear();
    clusters.clear();
    repository(PUBLIC_REPO, "").put("password", "repo-secret").put("username", "git");
    repository(OTHER_REPO, "other").put("sshPrivateKey", "-----BEGIN KEY-----");
    cluster(IN_CLUSTER, "in-cluster", "");
    cluster(OTHER_CLUSTER, "other-cluster", "other");
  }

  /** A seeded repository without a project. */
  public static final String PUBLIC_REPO = "https://github.com/argoproj/argocd-example-apps.git";

  /** A seeded repository of project other. */
  public static final String OTHER_REPO = "https://example.test/other.git";

  /** The seeded in-cluster cluster. */
  public static final String IN_CLUSTER = "https://kubernetes.default.svc";

  /** A seeded cluster of project other. */
  public static final String OTHER_CLUSTER = "https://other.example:6443";

  /** The apps' live resources, events and revision metadata. */
  public AppControllerStandInLive live() {
    return live;
  }

  /** The stored repository (with its credentials, as app-controller keeps them). */
  public ObjectNode storedRepository(String url) {
    return repositories.get(url);
  }

  /** The stored cluster (with its credentials). */
  public ObjectNode storedCluster(String server) {
    return clusters.get(server);
  }

  private ObjectNode repository(String url, String project) {
    ObjectNode r = Json.mapper().createObjectNode().put("repo", url).put("type", "git");
    if (!project.isEmpty()) {
      r.put("project", project);
    }
    r.putObject("connectionState").put("status", "Successful");
    repositories.put(url, r);
    return r;
  }

  private void cluster(String server, String name, String project) {
    ObjectNode c = Json.mapper().createObjectNode().put("server", server).put("name", name);
    if (!project.isEmpty()) {
      c.put("project", project);
    }
    c.putObject("config")
        .put("bearerToken", "cluster-token")
        .putObject("tlsClientConfig")
        .put("insecure", false)
        .put("keyData", "a-key");
    clusters.put(server, c);
  }

  /** Every stored app, project, repository and cluster as one JSON text, to compare states. */
  public String snapshot() {
    ObjectNode all = Json.mapper().createObjectNode();
    all.set("applications", list(apps));
    all.set("projects", list(projects));
    all.set("repositories", list(repositories));
    all.set("clusters", list(clusters));
    all.set("liveResources", live.snapshot());
    return all.toString();
  }

  /** Stores an AppProject. */
  public ObjectNode project(String name) {
    ObjectNode p = Json.mapper().createObjectNode().put("apiVersion", "argoproj.io/v1alpha1");
    p.put("kind", "AppProject");
    p.putObject("metadata").put("name", name).put("namespace", "argocd");
    p.putObject("spec").putArray("sourceRepos").add("*");
    projects.put(name, p);
    return p;
  }

  /** The stored project. */
  public ObjectNode storedProject(String name) {
    return projects.get(name);
  }

  /** Adds {@code count} apps {@code app-<i>}, alternately in projects default and other. */
  public void seedApps(int count) {
    for (int i = 0; i < count; i++) {
      app("app-" + i, i % 2 == 0 ? "default" : "other");
    }
  }

  /** The stored app, to change it as app-controller would; null when absent. */
  public ObjectNode storedApp(String name) {
    return apps.get(name);
  }

  /** Removes an app, as a finished deletion would. */
  public void removeApp(String name) {
    apps.remove(name);
  }

  /** Stores an app of {@code project} (OutOfSync), as a create would. */
  public ObjectNode app(String name, String project) {
    ObjectNode a = Json.mapper().createObjectNode().put("apiVersion", "argoproj.io/v1alpha1");
    a.put("kind", "Application");
    a.putObject("metadata").put("name", name).put("namespace", "argocd");
    ObjectNode spec = a.putObject("spec").put("project", project);
    spec.putObject("source").put("repoURL", "https://example.test/repo.git").put("path", name);
    spec.putObject("destination").put("server", "https://kubernetes.default.svc");
    a.putObject("status").putObject("sync").put("status", "OutOfSync");
    apps.put(name, a);
    return a;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      requests.add(method + " " + path);
      String[] seg = path.substring("/api/v1/".length()).split("/");
      byte[] in = ex.getRequestBody().readAllBytes();
      JsonNode body = in.length == 0 ? null : Json.mapper().readTree(in);
      String rawPath = ex.getRequestURI().getRawPath();
      String rest = rawPath.substring("/api/v1/".length() + seg[0].length());
      String id = rest.length() > 1 ? URLDecoder.decode(rest.substring(1), UTF_8) : null;
      boolean upsert = String.valueOf(ex.getRequestURI().getQuery()).contains("upsert=true");
      Object out =
          switch (seg[0]) {
            case "applications" ->
                applications(method, seg, body, ex.getRequestURI().getRawQuery());
            case "projects" -> projects(method, seg, body);
            case "repositories" -> keyed(repositories, "repo", method, id, body, upsert);
            case "clusters" -> keyed(clusters, "server", method, id, body, upsert);
            default -> null;
          };
      if (out == null) {
        reply(ex, 404, problem(404, path + " not found"));
      } else if (out instanceof Integer status) {
        reply(ex, status, problem(status, "refused by the stand-in"));
      } else {
        reply(ex, 200, (JsonNode) out);
      }
    }
  }

  private Object applications(String method, String[] seg, JsonNode body, String query) {
    if (seg.length == 1) {
      if (method.equals("GET")) {
        return list(apps);
      }
      String name = body.path("metadata").path("name").asText();
      if (apps.containsKey(name)) {
        return 409;
      }
      apps.put(name, (ObjectNode) body);
      return body;
    }
    ObjectNode app = apps.get(seg[1]);
    if (app == null) {
      return null;
    }
    Object liveAnswer = live.answer(method, seg, query, body);
    if (liveAnswer != null) {
      return liveAnswer;
    }
    if (seg.length >= 4 && seg[2].equals("resource") && seg[3].equals("actions")) {
      return resourceActions(method, app, body);
    }
    if (seg.length == 3) {
      return switch (seg[2]) {
        case "sync" -> {
          ObjectNode operation = app.putObject("operation");
          operation.putObject("sync").put("prune", body.path("prune").asBoolean());
          // as app-controller: the request's username becomes initiatedBy
          operation.putObject("initiatedBy").put("username", body.path("username").asText("rest"));
          yield app;
        }
        case "refresh", "rollback" -> app;
        case "managed-resources" -> Json.mapper().createObjectNode().putArray("items");
        case "resource-tree" -> Json.mapper().createObjectNode().set("nodes", nodes());
        case "manifests" -> manifests();
        case "diff" -> Json.mapper().createObjectNode().put("revision", SHA).putArray("items");
        case "resource" -> AppControllerStandInLive.liveResource();
        case "syncwindows" -> syncWindows();
        case "operation" -> {
          if (!method.equals("DELETE")) {
            yield 405;
          }
          app.withObjectProperty("status").putObject("operationState").put("phase", "Terminating");
          yield Json.mapper().createObjectNode();
        }
        default -> null;
      };
    }
    return switch (method) {
      case "GET" -> app;
      case "PUT" -> {
        apps.put(seg[1], (ObjectNode) body);
        yield body;
      }
      case "DELETE" -> {
        apps.remove(seg[1]);
        yield Json.mapper().createObjectNode();
      }
      default -> 405;
    };
  }

  private Object projects(String method, String[] seg, JsonNode body) {
    if (seg.length == 1) {
      if (method.equals("GET")) {
        return list(projects);
      }
      JsonNode p = body.path("project");
      projects.put(p.path("metadata").path("name").asText(), (ObjectNode) p);
      return p;
    }
    ObjectNode p = projects.get(seg[1]);
    if (p == null) {
      return null;
    }
    return switch (method) {
      case "GET" -> p;
      case "PUT" -> {
        projects.put(seg[1], (ObjectNode) body.path("project"));
        yield body.path("project");
      }
      case "DELETE" -> {
        projects.remove(seg[1]);
        yield Json.mapper().createObjectNode();
      }
      default -> 405;
    };
  }

  /** Repositories and clusters: objects keyed by their URL ({@code key}), URL-encoded in paths. */
  private static Object keyed(
      Map<String, ObjectNode> store,
      String key,
      String method,
      String id,
      JsonNode body,
      boolean upsert) {
    if (id == null) {
      if (method.equals("GET")) {
        return list(store);
      }
      String url = body.path(key).asText();
      if (store.containsKey(url) && !upsert) {
        return 409;
      }
      store.put(url, (ObjectNode) body);
      return body;
    }
    ObjectNode stored = store.get(id);
    if (stored == null) {
      return null;
    }
    return switch (method) {
      case "GET" -> stored;
      case "PUT" -> {
        stored.setAll((ObjectNode) body);
        yield stored;
      }
      case "DELETE" -> {
        store.remove(id);
        yield Json.mapper().createObjectNode();
      }
      default -> 405;
    };
  }

  /** The revision the stand-in renders every app at. */
  public static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  private static ObjectNode manifests() {
    ObjectNode out = Json.mapper().createObjectNode();
    out.putArray("manifests").add("{\"apiVersion\":\"v1\",\"kind\":\"Service\"}");
    return out.put("revision", SHA).put("sourceType", "Directory");
  }

  /**
   * A Deployment's actions (restart, pause, resume); a run is recorded as the app's {@code
   * status.lastResourceAction}, so it shows in {@link #snapshot()}.
   */
  private static Object resourceActions(String method, ObjectNode app, JsonNode body) {
    if (method.equals("GET")) {
      ObjectNode out = Json.mapper().createObjectNode();
      ArrayNode actions = out.putArray("actions");
      actions.addObject().put("name", "restart").put("disabled", false);
      actions.addObject().put("name", "pause").put("disabled", false);
      actions.addObject().put("name", "resume").put("disabled", true);
      return out;
    }
    String action = body.isTextual() ? body.asText() : body.path("action").asText();
    app.withObjectProperty("status").put("lastResourceAction", action);
    return Json.mapper().createObjectNode();
  }

  private static ObjectNode syncWindows() {
    ObjectNode out = Json.mapper().createObjectNode();
    out.putArray("activeWindows");
    out.putArray("assignedWindows");
    return out.put("canSync", true);
  }

  private static ArrayNode nodes() {
    ArrayNode nodes = Json.mapper().createArrayNode();
    nodes.addObject().put("kind", "Deployment").put("name", "guestbook-ui");
    return nodes;
  }

  private static ObjectNode list(Map<String, ObjectNode> items) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.putObject("metadata");
    ArrayNode array = out.putArray("items");
    items.keySet().stream().sorted().forEach(k -> array.add(items.get(k)));
    return out;
  }

  private static ObjectNode problem(int status, String detail) {
    return Json.mapper().createObjectNode().put("status", status).put("detail", detail);
  }

  private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.toBytes(body);
    ex.getResponseHeaders()
        .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.getResponseBody().close();
  }
}
