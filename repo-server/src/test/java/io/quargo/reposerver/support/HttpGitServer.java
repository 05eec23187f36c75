package io.quargo.reposerver.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Git's smart HTTP protocol with basic authentication: the real {@code git http-backend} run as a
 * CGI behind the JDK's HTTP server, over a directory of bare repositories. One user may read; a
 * second is known but forbidden (403); anyone else gets 401.
 */
public final class HttpGitServer implements AutoCloseable {

  private final HttpServer server;
  private final Path root;
  private final Map<String, String> readers;
  private final Map<String, String> forbidden;

  private HttpGitServer(Path root, Map<String, String> readers, Map<String, String> forbidden)
      throws IOException {
    this.root = root;
    this.readers = readers;
    this.forbidden = forbidden;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /**
   * Serves the bare repositories under {@code root}; {@code readers} may read, {@code forbidden}
   * may not.
   */
  public static HttpGitServer start(
      Path root, Map<String, String> readers, Map<String, String> forbidden) {
    try {
      return new HttpGitServer(root, readers, forbidden);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:port/<name>.git}. */
  public String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".git";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] user = user(exchange.getRequestHeaders().getFirst("Authorization"));
      if (user != null && user[1].equals(forbidden.get(user[0]))) {
        exchange.sendResponseHeaders(403, -1);
        return;
      }
      if (user == null || !user[1].equals(readers.get(user[0]))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      cgi(exchange, user[0]);
    }
  }

  private void cgi(HttpExchange exchange, String user) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
    Map<String, String> env = pb.environment();
    env.put("GIT_PROJECT_ROOT", root.toString());
    env.put("GIT_HTTP_EXPORT_ALL", "1");
    env.put("PATH_INFO", exchange.getRequestURI().getPath());
    env.put("REQUEST_METHOD", exchange.getRequestMethod());
    env.put(
        "QUERY_STRING",
        exchange.getRequestURI().getRawQuery() == null
            ? ""
            : exchange.getRequestURI().getRawQuery());
    env.put("REMOTE_USER", user);
    env.put("REMOTE_ADDR", "127.0.0.1");
    putHeader(exchange, env, "Content-Type", "CONTENT_TYPE");
    putHeader(exchange, env, "Content-Encoding", "HTTP_CONTENT_ENCODING");
    putHeader(exchange, env, "Git-Protocol", "GIT_PROTOCOL");
    byte[] body = exchange.getRequestBody().readAllBytes();
    env.put("CONTENT_LENGTH", String.valueOf(body.length));
    Process process = pb.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(body);
    }
    byte[] out = readAll(process.getInputStream());
    int split = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    int skip = 4;
    if (split < 0) {
      split = indexOf(out, "\n\n".getBytes(StandardCharsets.US_ASCII));
      skip = 2;
    }
    int status = 200;
    for (String line :
        new String(out, 0, Math.max(split, 0), StandardCharsets.ISO_8859_1).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Status")) {
        status = Integer.parseInt(value.split(" ")[0]);
      } else {
        exchange.getResponseHeaders().add(name, value);
      }
    }
    int start = split < 0 ? 0 : split + skip;
    exchange.sendResponseHeaders(status, out.length - start == 0 ? -1 : out.length - start);
    if (out.length > start) {
      exchange.getResponseBody().write(out, start, out.length - start);
    }
  }

  private static void putHeader(
      HttpExchange exchange, Map<String, String> env, String header, String variable) {
    String value = exchange.getRequestHeaders().getFirst(header);
    if (value != null) {
      env.put(variable, value);
    }
  }

  private static String[] user(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return null;
    }
    String decoded =
        new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    return colon < 0
        ? null
        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    in.transferTo(buffer);
    return buffer.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
