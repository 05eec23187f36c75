package io.quargo.appcontroller.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quargo.common.json.Json;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.testkit.git.GitServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A stand-in for repo-server, which is a separate process this test JVM cannot start: a real HTTP
 * server answering {@code POST /api/v1/manifests} in repo-server's shape by reading plain YAML
 * directories (not recursive, as Argo's default) at the requested revision straight from the test
 * Git server's bare repositories. It counts renders per app so tests can see triggers.
 */
public class RepoServerStub implements QuarkusTestResourceLifecycleManager {

  private static final Map<String, AtomicInteger> RENDERS = new ConcurrentHashMap<>();
  private static final Map<String, String> PROTECTED = new ConcurrentHashMap<>();
  private static final Map<String, JsonNode> LAST_REPO = new ConcurrentHashMap<>();
  private static final Map<String, JsonNode> LAST_REQUEST = new ConcurrentHashMap<>();
  private HttpServer server;

  /**
   * Makes the repository at {@code url} answer 401 (as a Git server with basic auth would) unless a
   * request carries {@code username} and {@code password} in Argo's {@code repo} field.
   */
  public static void protect(String url, String username, String password) {
    PROTECTED.put(url, username + ":" + password);
  }

  /** The last manifest request for {@code appName}'s source at {@code path}. */
  public static JsonNode lastRequest(String appName, String path) {
    return LAST_REQUEST.get(appName + "|" + path);
  }

  /** The {@code repo} field (registered credentials) of the last manifest request for the app. */
  public static JsonNode lastRepo(String appName) {
    return LAST_REPO.get(appName);
  }

  /** How many times {@code appName} was rendered. */
  public static int renders(String appName) {
    return RENDERS.getOrDefault(appName, new AtomicInteger()).get();
  }

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/v1/manifests", this::manifests);
    server.createContext("/api/v1/repositories/", this::refs);
    server.start();
    return Map.of(
        "quargo.repo-server.url",
        "http://127.0.0.1:" + server.getAddress().getPort(),
        "quargo.repo-server.attempts",
        "1");
  }

  @Override
  public void stop() {
    server.stop(0);
  }

  private void manifests(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
      RENDERS
          .computeIfAbsent(body.path("appName").asText(), k -> new AtomicInteger())
          .incrementAndGet();
      String url = body.path("repoURL").asText();
      LAST_REQUEST.put(body.path("appName").asText() + "|" + body.path("path").asText(), body);
      if (body.has("repo")) {
        LAST_REPO.put(body.path("appName").asText(), body.get("repo"));
      }
      if (!allowed(url, body.path("repo"))) {
        send(exchange, 401, problem(401, "authentication to " + url + " failed"));
        return;
      }
      String repo = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
      String revision = body.path("targetRevision").asText("HEAD");
      String path = body.path("path").asText(".").replaceAll("/+$", "");
      var dir = GitServer.shared().repos().dir(repo);
      try (Repository git = new FileRepositoryBuilder().setGitDir(dir.toFile()).build()) {
        ObjectId id = git.resolve(revision);
        if (id == null) {
          send(exchange, 404, problem(404, "revision " + revision + " not found in " + url));
          return;
        }
        ObjectNode result = Json.mapper().createObjectNode();
        ArrayNode manifests = result.putArray("manifests");
        ArrayNode origins = Json.mapper().createArrayNode();
        try (RevWalk walk = new RevWalk(git);
            TreeWalk tree = new TreeWalk(git)) {
          RevCommit commit = walk.parseCommit(id);
          tree.addTree(commit.getTree());
          tree.setRecursive(true);
          boolean found = false;
          while (tree.next()) {
            String file = tree.getPathString();
            String parent = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : ".";
            if (!parent.equals(path) || !file.matches(".*\\.(ya?ml|json)$")) {
              continue;
            }
            found = true;
            String text =
                new String(git.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            try {
              ManifestCodec.readAll(text, file).forEach(manifests::add);
            } catch (RuntimeException e) {
              send(exchange, 422, problem(422, file + ": " + e.getMessage()));
              return;
            }
            origins.add(file);
          }
          if (!found) {
            send(exchange, 404, problem(404, "path " + path + " not found at " + revision));
            return;
          }
          result.put("revision", commit.getName());
          result.put("sourceType", "Directory");
          result.set("origins", origins);
        }
        send(exchange, 200, result);
      }
    }
  }

  /** {@code POST /api/v1/repositories/{repo}/refs}: 200 or, for a protected repo, 401. */
  private void refs(HttpExchange exchange) throws IOException {
    try (exchange) {
      String raw = exchange.getRequestURI().getRawPath();
      if (raw.endsWith("/files")) {
        file(exchange, raw);
        return;
      }
      if (raw.endsWith("/metadata")) {
        RepoServerStubMetadata.metadata(exchange, raw);
        return;
      }
      String encoded =
          raw.substring("/api/v1/repositories/".length(), raw.length() - "/refs".length());
      String url = java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8);
      JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
      if (!allowed(url, body)) {
        send(exchange, 401, problem(401, "authentication to " + url + " failed"));
        return;
      }
      ObjectNode refs = Json.mapper().createObjectNode();
      refs.put("head", "");
      refs.putArray("branches");
      refs.putArray("tags");
      send(exchange, 200, refs);
    }
  }

  /** {@code GET /api/v1/repositories/{repo}/files?revision=&path=} from the test Git server. */
  private static void file(HttpExchange exchange, String raw) throws IOException {
    String url =
        java.net.URLDecoder.decode(
            raw.substring("/api/v1/repositories/".length(), raw.length() - "/files".length()),
            StandardCharsets.UTF_8);
    Map<String, String> query = new java.util.HashMap<>();
    String q = exchange.getRequestURI().getRawQuery();
    for (String pair : q == null ? new String[0] : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        query.put(
            pair.substring(0, eq),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String repo = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
    var dir = GitServer.shared().repos().dir(repo);
    try (Repository git = new FileRepositoryBuilder().setGitDir(dir.toFile()).build()) {
      ObjectId id = git.resolve(query.getOrDefault("revision", "HEAD"));
      if (id == null) {
        send(exchange, 404, problem(404, "revision not found in " + url));
        return;
      }
      ObjectNode answer = Json.mapper().createObjectNode();
      try (RevWalk walk = new RevWalk(git)) {
        RevCommit commit = walk.parseCommit(id);
        answer.put("revision", commit.getName());
        String path = query.get("path");
        if (path != null) {
          try (TreeWalk tree = TreeWalk.forPath(git, path, commit.getTree())) {
            if (tree == null) {
              send(exchange, 404, problem(404, path + " not found in " + url));
              return;
            }
            answer.put(
                "content",
                new String(git.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
          }
        }
      }
      send(exchange, 200, answer);
    }
  }

  private static boolean allowed(String url, JsonNode repo) {
    String required = PROTECTED.get(url);
    return required == null
        || required.equals(
            repo.path("username").asText("") + ":" + repo.path("password").asText(""));
  }

  static ObjectNode problem(int status, String detail) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", "about:blank");
    p.put("status", status);
    p.put("detail", detail);
    return p;
  }

  static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
