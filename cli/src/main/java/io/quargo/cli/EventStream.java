package io.quargo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A server-sent event stream of the gateway (Argo's {@code /api/v1/stream/...}), read on a daemon
 * thread so the caller can wait for the next event with a time limit. Each event's {@code data:}
 * lines are one JSON document.
 */
final class EventStream implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final JsonNode END = OutputFormat.JSON_MAPPER.nullNode();

  private final Stream<String> lines;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private volatile boolean ended;

  private EventStream(Stream<String> lines) {
    this.lines = lines;
    Thread reader = new Thread(this::read, "quargo-event-stream");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The stream at {@code uri}, once the gateway has answered 200; empty when it cannot be opened
   * (an older gateway without streams, a proxy that refuses them), so the caller polls instead.
   */
  static Optional<EventStream> open(URI uri, String token, Duration answerWithin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    var answer = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
    try {
      HttpResponse<Stream<String>> response =
          answer.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
      if (response.statusCode() != 200) {
        response.body().close();
        return Optional.empty();
      }
      return Optional.of(new EventStream(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.cancel(true);
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      answer.cancel(true);
      return Optional.empty();
    }
  }

  /**
   * The next event's JSON, waiting at most {@code within}; empty when none came in that time.
   *
   * @throws StreamEnded when the server closed the stream
   */
  Optional<JsonNode> next(Duration within) throws StreamEnded {
    if (ended && events.isEmpty()) {
      throw new StreamEnded();
    }
    JsonNode event;
    try {
      event = events.poll(Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while waiting for the gateway's events", e);
    }
    if (event == END) {
      ended = true;
      throw new StreamEnded();
    }
    return Optional.ofNullable(event);
  }

  private void read() {
    StringBuilder data = new StringBuilder();
    try {
      lines.forEachOrdered(
          line -> {
            if (line.isEmpty()) {
              dispatch(data);
            } else if (line.startsWith("data:")) {
              String value = line.substring(5);
              data.append(value.startsWith(" ") ? value.substring(1) : value).append('\n');
            }
            // ":" comments (keep-alives), "event:", "id:" and "retry:" lines carry nothing we use
          });
      dispatch(data);
    } catch (RuntimeException closedOrBroken) {
      // the caller closed the stream, or the connection broke: either way it has ended
    } finally {
      events.add(END);
    }
  }

  private void dispatch(StringBuilder data) {
    if (data.length() == 0) {
      return;
    }
    try {
      events.add(OutputFormat.JSON_MAPPER.readTree(data.toString()));
    } catch (JsonProcessingException notJson) {
      // an event this CLI cannot read is skipped, as a browser's EventSource would
    }
    data.setLength(0);
  }

  @Override
  public void close() {
    ended = true;
    lines.close();
  }

  /** The server closed the stream (or the connection broke). */
  static final class StreamEnded extends IOException {
    StreamEnded() {
      super("the event stream ended");
    }
  }
}
