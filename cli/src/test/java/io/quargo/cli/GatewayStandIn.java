package io.quargo.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for the api-gateway process in CLI tests: a real HTTP server on loopback that answers
 * each {@code METHOD path} with canned Argo JSON (or a problem+json) and records every request. A
 * route given several answers serves them in turn and then keeps repeating the last one.
 */
final class GatewayStandIn implements AutoCloseable {
  /** One request as it arrived. */
  record Recorded(String method, String path, String authorization, String body) {}

  private record Answer(int status, String contentType, String body) {}

  /** A route that answers as a server-sent event stream and stays open until {@link #close}. */
  private record Stream(List<String> events) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final ExecutorService handlers = Executors.newCachedThreadPool();

  GatewayStandIn() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    // a held-open event stream must not block the other requests
    server.setExecutor(handlers);
    server.start();
  }

  /** {@code localhost:PORT}, as a user would type it. */
  String address() {
    return "localhost:" + server.getAddress().getPort();
  }

  /** Answers {@code METHOD path} (path with its query, if any) with 200 and these JSON bodies. */
  GatewayStandIn on(String method, String path, String... jsonBodies) {
    Deque<Answer> queue = new ArrayDeque<>();
    for (String body : jsonBodies) {
      queue.add(new Answer(200, "application/json", body));
    }
    answers.put(method + " " + path, queue);
    return this;
  }

  /**
   * Answers {@code GET path} as {@code text/event-stream}: each event as one {@code data:} line,
   * then the stream stays open (as a gateway's does) until the stand-in closes.
   */
  GatewayStandIn stream(String path, String... eventJson) {
    streams.put(path, new Stream(List.of(eventJson)));
    return this;
  }

  /** Answers {@code METHOD path} with a problem+json of {@code status}. */
  GatewayStandIn problem(String method, String path, int status, String problemJson) {
    Deque<Answer> queue = new ArrayDeque<>();
    queue.add(new Answer(status, "application/problem+json", problemJson));
    answers.put(method + " " + path, queue);
    return this;
  }

  /**
   * Answers {@code METHOD path} first with a problem+json of {@code status}, then with 200 and
   * these JSON bodies in turn (e.g. a refused token, then what the renewed one gets).
   */
  GatewayStandIn problemThen(
      String method, String path, int status, String problemJson, String... jsonBodies) {
    Deque<Answer> queue = new ArrayDeque<>();
    queue.add(new Answer(status, "application/problem+json", problemJson));
    for (String body : jsonBodies) {
      queue.add(new Answer(200, "application/json", body));
    }
    answers.put(method + " " + path, queue);
    return this;
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The last request to {@code METHOD path}, failing the test when there was none. */
  Recorded last(String method, String path) {
    for (int i = requests.size() - 1; i >= 0; i--) {
      Recorded r = requests.get(i);
      if (r.method().equals(method) && r.path().equals(path)) {
        return r;
      }
    }
    throw new AssertionError("no " + method + " " + path + " among " + requests);
  }

  /** A canned file from {@code src/test/resources/argo}. */
  static String resource(String name) {
    try (InputStream in = GatewayStandIn.class.getResourceAsStream("/argo/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource argo/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String full = query == null ? path : path + "?" + query;
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    requests.add(
        new Recorded(method, full, exchange.getRequestHeaders().getFirst("Authorization"), body));
    Stream stream = method.equals("GET") ? streams.get(full) : null;
    if (stream != null) {
      serve(exchange, stream);
      return;
    }
    Deque<Answer> queue = answers.get(method + " " + full);
    Answer answer;
    if (queue == null || queue.isEmpty()) {
      answer =
          new Answer(
              404,
              "application/problem+json",
              "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                  + "\"detail\":\"the stand-in has no answer for "
                  + method
                  + " "
                  + full
                  + "\"}");
    } else {
      synchronized (queue) {
        answer = queue.size() > 1 ? queue.poll() : queue.peek();
      }
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private void serve(HttpExchange exchange, Stream stream) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
    for (String event : stream.events()) {
      body.write(("data: " + event.replace("\n", " ") + "\n\n").getBytes(StandardCharsets.UTF_8));
      body.flush();
    }
    body.flush();
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.close();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }
}
