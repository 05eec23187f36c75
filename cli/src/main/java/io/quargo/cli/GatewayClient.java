package io.quargo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the api-gateway's REST API with the bearer token; error answers become exceptions. With a
 * {@link Renewal} (an SSO login's refresh token), a call answered 401 renews the token and is sent
 * once more.
 */
final class GatewayClient {
  /** Gets a new token when the gateway refuses the current one. */
  interface Renewal {
    /** The new token; a {@link CliException} naming why when there is none. */
    String renew();
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI base;
  private final Renewal renewal;
  private volatile String token;

  GatewayClient(URI base, String token) {
    this(base, token, null);
  }

  GatewayClient(URI base, String token, Renewal renewal) {
    this.base = base;
    this.token = token;
    this.renewal = renewal;
  }

  URI base() {
    return base;
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode post(String path, Object body) {
    return send("POST", path, body);
  }

  JsonNode put(String path, Object body) {
    return send("PUT", path, body);
  }

  JsonNode delete(String path) {
    return send("DELETE", path, null);
  }

  /**
   * The server-sent event stream at {@code path}; empty when the gateway has none there, so the
   * caller falls back to polling.
   */
  java.util.Optional<EventStream> stream(String path) {
    return EventStream.open(URI.create(base + path), token, Duration.ofSeconds(10));
  }

  /** Sends {@code body} as JSON; the answer's JSON, or a missing node for an empty body. */
  JsonNode send(String method, String path, Object body) {
    try {
      return sendOnce(method, path, body);
    } catch (GatewayException e) {
      if (e.status() != 401 || renewal == null) {
        throw e;
      }
      token = renewal.renew();
      return sendOnce(method, path, body);
    }
  }

  private JsonNode sendOnce(String method, String path, Object body) {
    URI uri = URI.create(base + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CliException(
          "cannot reach the api-gateway at " + base + "; is it running (`./quargo up`)?", e);
    } catch (HttpTimeoutException e) {
      throw new CliException(method + " " + uri + " got no answer within " + TIMEOUT, e);
    } catch (IOException e) {
      throw new CliException(method + " " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while calling " + uri, e);
    }
    if (response.statusCode() >= 400) {
      throw GatewayException.of(response.statusCode(), response.body());
    }
    String text = response.body();
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return OutputFormat.JSON_MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CliException(method + " " + uri + " answered with JSON this CLI cannot read", e);
    }
  }

  /** One path segment, percent-encoded. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String json(Object body) {
    try {
      return OutputFormat.JSON_MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new CliException("cannot write the request body as JSON: " + e.getMessage(), e);
    }
  }
}
