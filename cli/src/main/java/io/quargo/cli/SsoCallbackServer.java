package io.quargo.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback HTTP server of {@code quargo login --sso}: the provider sends the browser back to
 * {@code http://localhost:PORT/auth/callback}, where the first callback ends the login, either way:
 * the browser gets a short page saying whether it worked, the CLI gets the tokens or the failure.
 */
final class SsoCallbackServer implements AutoCloseable {
  static final String PATH = "/auth/callback";

  /** Turns a callback's query into tokens, or throws a {@link CliException} saying why not. */
  @FunctionalInterface
  interface Completion {
    SsoProvider.Tokens complete(Map<String, String> query, URI redirectUri);
  }

  private final HttpServer server;
  private final Completion onCallback;
  private final CompletableFuture<SsoProvider.Tokens> outcome = new CompletableFuture<>();

  private SsoCallbackServer(HttpServer server, Completion onCallback) {
    this.server = server;
    this.onCallback = onCallback;
  }

  /** Listens on loopback {@code port} (0: any free port); {@code onCallback} settles the login. */
  static SsoCallbackServer start(int port, Completion onCallback) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      throw new CliException(
          "cannot listen on localhost:"
              + port
              + " for the SSO callback ("
              + e.getMessage()
              + ")"
              + ": free the port or pass another --sso-port registered with the provider",
          e);
    } catch (IOException e) {
      throw new CliException("cannot start the SSO callback server: " + e, e);
    }
    SsoCallbackServer callback = new SsoCallbackServer(server, onCallback);
    server.createContext("/", callback::handle);
    server.start();
    return callback;
  }

  /** {@code http://localhost:PORT/auth/callback}, the redirect URI the provider must know. */
  URI redirectUri() {
    return URI.create("http://localhost:" + server.getAddress().getPort() + PATH);
  }

  /** The tokens of the first callback, or its failure, or a failure after {@code timeout}. */
  SsoProvider.Tokens await(Duration timeout, String timeoutText) {
    try {
      return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new CliException(
          "the browser did not come back to "
              + redirectUri()
              + " within "
              + timeoutText
              + ": the login is not done; run it again (a longer --sso-timeout gives more time)",
          e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CliException failure) {
        throw failure;
      }
      throw new CliException("the SSO login failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while waiting for the SSO login", e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    // the outcome is settled only once the page is sent, so close() cannot cut the page off
    Runnable settle = () -> {};
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        reply(exchange, 404, "Not found", "This server only answers " + PATH + ".");
        return;
      }
      if (outcome.isDone()) {
        reply(exchange, 400, "Login already finished", "Return to the command line.");
        return;
      }
      try {
        SsoProvider.Tokens tokens =
            onCallback.complete(query(exchange.getRequestURI()), redirectUri());
        settle = () -> outcome.complete(tokens);
        reply(
            exchange,
            200,
            "Authentication successful",
            "You may close this window and return to the command line.");
      } catch (RuntimeException e) {
        settle = () -> outcome.completeExceptionally(e);
        reply(
            exchange,
            400,
            "Authentication failed",
            e instanceof CliException ? e.getMessage() : e.toString());
      }
    } finally {
      settle.run();
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.putIfAbsent(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void reply(HttpExchange exchange, int status, String title, String text)
      throws IOException {
    String page =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>quargo: "
            + title
            + "</title></head><body style=\"font-family:sans-serif;text-align:center;"
            + "margin-top:3em\"><h1>"
            + title
            + "</h1><p>"
            + escape(text)
            + "</p></body></html>";
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
