package io.quargo.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser reduced to what a login needs, over {@link HttpClient}: it follows no redirect by
 * itself (each test takes every step by hand) and keeps the gateway's cookies as a browser would,
 * by name and path, dropping one set with {@code Max-Age=0}.
 */
final class OidcBrowser {

  /** A cookie as the gateway set it: its value and the attributes of the Set-Cookie header. */
  record Cookie(String name, String value, String path, String header) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI gateway;
  private final Map<String, Cookie> cookies = new LinkedHashMap<>();

  OidcBrowser(URI gateway) {
    this.gateway = gateway;
  }

  /** GETs {@code uri}, relative to the gateway unless absolute; cookies go to the gateway only. */
  HttpResponse<String> get(String uri) {
    return send("GET", uri);
  }

  /** Sends {@code method} to {@code uri} as {@link #get} does. */
  HttpResponse<String> send(String method, String uri) {
    URI target = gateway.resolve(uri);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (sameOrigin(target)) {
      String header =
          cookies.values().stream()
              .filter(c -> target.getPath().startsWith(c.path()))
              .map(c -> c.name() + "=" + c.value())
              .collect(Collectors.joining("; "));
      if (!header.isEmpty()) {
        request.header("Cookie", header);
      }
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (sameOrigin(target)) {
        response.headers().allValues("Set-Cookie").forEach(this::store);
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + target + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The cookie the browser holds under {@code name}. */
  Optional<Cookie> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** Sets a cookie by hand, as an attacker replaying one would. */
  void putCookie(Cookie cookie) {
    cookies.put(cookie.name(), cookie);
  }

  /** The Set-Cookie header of {@code response} for {@code name}, if it sets one. */
  static Optional<String> setCookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(h -> h.startsWith(name + "="))
        .findFirst();
  }

  /** The Location of a redirect, resolved against the request's URI. */
  static URI location(HttpResponse<?> response) {
    return response
        .request()
        .uri()
        .resolve(response.headers().firstValue("Location").orElseThrow());
  }

  private boolean sameOrigin(URI target) {
    return target.getHost().equals(gateway.getHost()) && target.getPort() == gateway.getPort();
  }

  private void store(String header) {
    List<String> parts = List.of(header.split(";"));
    String pair = parts.get(0).trim();
    int eq = pair.indexOf('=');
    String name = pair.substring(0, eq);
    String value = pair.substring(eq + 1);
    if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
      value = value.substring(1, value.length() - 1);
    }
    String path = "/";
    boolean gone = value.isEmpty();
    for (String attribute : parts.subList(1, parts.size())) {
      String a = attribute.trim();
      if (a.regionMatches(true, 0, "Path=", 0, 5)) {
        path = a.substring(5);
      } else if (a.regionMatches(true, 0, "Max-Age=", 0, 8)) {
        gone |= Long.parseLong(a.substring(8)) <= 0;
      }
    }
    if (gone) {
      cookies.remove(name);
    } else {
      cookies.put(name, new Cookie(name, value, path, header));
    }
  }
}
