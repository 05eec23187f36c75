package io.quargo.cli;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Which api-gateway to call and with which token: flags first, then {@code QUARGO_SERVER} and
 * {@code QUARGO_AUTH_TOKEN}, then what {@code quargo login} stored.
 */
final class Connection {
  private final ConfigStore config;
  private final String server;
  private final String token;
  private final boolean plaintext;
  // what login stored, when the token in use is its token (not one from flag or environment)
  private final ConfigStore.Entry storedLogin;
  // the same, when it came from login --sso with a refresh token
  private final ConfigStore.Entry renewable;
  private SsoRenewal renewal;

  Connection(
      ConfigStore config, Map<String, String> env, String server, String token, boolean plaintext) {
    this.config = config;
    Optional<ConfigStore.Entry> stored = config.read();
    String chosen = firstNonBlank(server, env.get("QUARGO_SERVER"));
    boolean sameAsStored =
        stored.isPresent() && (chosen == null || chosen.equals(stored.get().server()));
    this.server = chosen != null ? chosen : stored.map(ConfigStore.Entry::server).orElse(null);
    this.token =
        firstNonBlank(
            token, env.get("QUARGO_AUTH_TOKEN"), sameAsStored ? stored.get().authToken() : null);
    this.storedLogin =
        sameAsStored && this.token != null && this.token.equals(stored.get().authToken())
            ? stored.get()
            : null;
    this.renewable = storedLogin != null && storedLogin.refreshToken() != null ? storedLogin : null;
    this.plaintext =
        plaintext
            || (sameAsStored && Boolean.TRUE.equals(stored.get().plaintext()))
            || isLoopback(this.server);
  }

  ConfigStore config() {
    return config;
  }

  /** The server as given (host:port or a URL), if any is known. */
  Optional<String> server() {
    return Optional.ofNullable(server);
  }

  boolean plaintext() {
    return plaintext;
  }

  /** What {@code quargo login} stored, when its token is the one in use. */
  Optional<ConfigStore.Entry> storedLogin() {
    return Optional.ofNullable(storedLogin);
  }

  /**
   * A client of the known server, with the known token (if any). A token of {@code login --sso}
   * that has expired is renewed first with the stored refresh token, and again when the gateway
   * refuses it (401); a token given by flag or environment is used as it is.
   */
  GatewayClient client() {
    if (server == null) {
      throw new CliException(
          "no server given: run `quargo login HOST:PORT`, or pass --server or set QUARGO_SERVER");
    }
    URI base = baseUri(server, plaintext);
    if (renewable == null) {
      return new GatewayClient(base, token);
    }
    if (renewal == null) {
      renewal = new SsoRenewal(base, config, renewable);
    }
    String current = renewal.token();
    if (SsoRenewal.expired(current, Instant.now())) {
      current = renewal.renew();
    }
    return new GatewayClient(base, current, renewal);
  }

  /** {@code host:port} to {@code http(s)://host:port}; a URL keeps its own scheme. */
  static URI baseUri(String server, boolean plaintext) {
    String text = server.strip();
    if (!text.contains("://")) {
      text = (plaintext ? "http://" : "https://") + text;
    }
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      URI uri = URI.create(text);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "server \"" + server + "\" is not HOST:PORT or a URL (e.g. localhost:8080)", e);
    }
  }

  /** Loopback servers speak plain http unless given as an https URL. */
  static boolean isLoopback(String server) {
    if (server == null || server.contains("://")) {
      return false;
    }
    String host = server.strip().replaceFirst(":\\d+$", "");
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
