package io.quargo.e2e.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's REST API for test set-up and checks (create an app, read its status), logged in as
 * admin on first use; a non-2xx answer throws with the problem's body.
 */
public final class GatewayApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String username;
  private final String password;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile String token;

  GatewayApi(String baseUrl, String username, String password) {
    this.baseUrl = baseUrl;
    this.username = username;
    this.password = password;
  }

  /** A bearer token of admin (logs in once). */
  public String token() {
    if (token == null) {
      JsonNode body = JSON.createObjectNode().put("username", username).put("password", password);
      token = send("POST", "/api/v1/session", body, null).path("token").asText();
    }
    return token;
  }

  /** GET a path such as {@code /api/v1/applications/guestbook}. */
  public JsonNode get(String path) {
    return send("GET", path, null, token());
  }

  /** POST a JSON body (or none). */
  public JsonNode post(String path, JsonNode body) {
    return send("POST", path, body, token());
  }

  /** PUT a JSON body. */
  public JsonNode put(String path, JsonNode body) {
    return send("PUT", path, body, token());
  }

  /** DELETE a path. */
  public JsonNode delete(String path) {
    return send("DELETE", path, null, token());
  }

  private JsonNode send(String method, String path, JsonNode body, String bearer) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }
}
