package io.quargo.reposerver.render.helmrepo;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Helm repository on loopback for tests: charts packaged with helm-java ({@code helm package}),
 * an {@code index.yaml} written from them (relative URLs, or absolute ones on request), optional
 * basic auth, and counters of the requests served.
 */
public final class HelmRepoServer implements AutoCloseable {

  private final HttpServer server;
  private final Path work;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, String> entries = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private volatile String user;
  private volatile String password;

  public HelmRepoServer(Path work) throws IOException {
    this.work = work;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  /** The repository URL, e.g. {@code http://127.0.0.1:PORT/repo}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo";
  }

  /** Requires basic auth with these credentials from now on. */
  public HelmRepoServer requireAuth(String user, String password) {
    this.user = user;
    this.password = password;
    return this;
  }

  /**
   * Packages {@code chartDir} (its Chart.yaml's version is set to {@code version}) and lists it;
   * {@code absoluteUrl} lists it by full URL under another folder, otherwise relatively.
   */
  public HelmRepoServer publish(Path chartDir, String name, String version, boolean absoluteUrl)
      throws IOException {
    Path copy = work.resolve("src-" + name + "-" + version).resolve(name);
    copyTree(chartDir, copy);
    Files.writeString(
        copy.resolve("Chart.yaml"),
        "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n");
    return packaged(copy, name, version, absoluteUrl);
  }

  /**
   * Packages {@code chartDir} as it is, with {@code extraFiles} (path inside the chart to file)
   * added, listed by a relative URL; returns its Chart.yaml name and version.
   */
  public String[] publishAsIs(Path chartDir, Map<String, Path> extraFiles) throws IOException {
    JsonNode chart = ManifestCodec.yamlMapper().readTree(chartDir.resolve("Chart.yaml").toFile());
    String name = chart.path("name").asText();
    String version = chart.path("version").asText();
    Path copy = work.resolve("src-" + name + "-" + version).resolve(name);
    copyTree(chartDir, copy);
    for (Map.Entry<String, Path> extra : extraFiles.entrySet()) {
      Path target = copy.resolve(extra.getKey());
      Files.createDirectories(target.getParent());
      Files.copy(extra.getValue(), target);
    }
    packaged(copy, name, version, false);
    return new String[] {name, version};
  }

  private HelmRepoServer packaged(Path copy, String name, String version, boolean absoluteUrl)
      throws IOException {
    Path out = Files.createDirectories(work.resolve("packages"));
    new Helm(copy).packageIt().withDestination(out).call();
    byte[] tgz = Files.readAllBytes(out.resolve(name + "-" + version + ".tgz"));
    String file = name + "-" + version + ".tgz";
    String served = absoluteUrl ? "/elsewhere/" + file : "/repo/charts/" + file;
    files.put(served, tgz);
    String url =
        absoluteUrl
            ? "http://127.0.0.1:" + server.getAddress().getPort() + served
            : "charts/" + file;
    entries.merge(name, entry(name, version, url, ChartArchives.sha256(tgz)), (a, b) -> a + b);
    writeIndex();
    return this;
  }

  /** Serves {@code bytes} at {@code path} (for broken indexes and archives). */
  public HelmRepoServer put(String path, byte[] bytes) {
    files.put(path, bytes);
    return this;
  }

  /** How many requests {@code path} answered. */
  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  /** One version as an item of {@code entries.<name>} in index.yaml. */
  private static String entry(String name, String version, String url, String digest) {
    return "    - name: "
        + name
        + "\n      version: "
        + version
        + "\n      urls: ["
        + url
        + "]\n      digest: "
        + digest
        + "\n";
  }

  private void writeIndex() {
    StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
    entries.forEach((name, items) -> index.append("  ").append(name).append(":\n").append(items));
    files.put("/repo/index.yaml", index.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      if (user != null) {
        String expected =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          exchange.sendResponseHeaders(401, -1);
          return;
        }
      }
      byte[] body = files.get(path);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
