package io.quargo.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Reads a server-sent-event stream over a real HTTP connection, as a browser's EventSource would,
 * collecting each {@code data:} payload as JSON.
 */
public final class SseClient implements AutoCloseable {

  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile int status;
  private volatile String contentType;

  private SseClient(HttpRequest request) {
    response =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .thenApply(
                r -> {
                  status = r.statusCode();
                  contentType = r.headers().firstValue("Content-Type").orElse("");
                  Thread reader =
                      new Thread(
                          () ->
                              r.body()
                                  .filter(line -> line.startsWith("data:"))
                                  .map(line -> line.substring(5).strip())
                                  .forEach(data -> events.add(Json.fromJson(data, JsonNode.class))),
                          "sse-reader");
                  reader.setDaemon(true);
                  reader.start();
                  return r;
                });
  }

  /** Opens {@code url} with the session cookie {@code argocd.token}, as a browser does. */
  public static SseClient withCookie(String url, String token) {
    return new SseClient(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .header("Cookie", "argocd.token=" + token)
            .build());
  }

  /** Opens {@code url} with a bearer token. */
  public static SseClient withBearer(String url, String token) {
    return new SseClient(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token)
            .build());
  }

  /** Every event so far. */
  public List<JsonNode> events() {
    return events;
  }

  /** {@code TYPE name} of every event so far, e.g. {@code MODIFIED guestbook}. */
  public List<String> summary() {
    return events.stream()
        .map(
            e ->
                e.path("result").path("type").asText()
                    + " "
                    + e.path("result").path("application").path("metadata").path("name").asText())
        .toList();
  }

  /** The HTTP status, 0 before the headers came. */
  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
