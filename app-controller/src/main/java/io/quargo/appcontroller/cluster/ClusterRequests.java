package io.quargo.appcontroller.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.quargo.common.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reads a cluster from an Argo CD cluster body ({@code server, name, config: {bearerToken,
 * username, password, tlsClientConfig: {caData, certData, keyData, serverName, insecure}}}) or from
 * a {@code kubeconfig} (its current context); errors are 400s naming the field.
 */
public final class ClusterRequests {

  private ClusterRequests() {}

  /**
   * The cluster the body describes; {@code server} and {@code name} default from the kubeconfig.
   */
  public static Cluster read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalid("body", "a JSON cluster {server, name, config} is required");
    }
    String kubeconfig = text(body, "kubeconfig");
    String server = text(body, "server");
    ClusterCredentials credentials;
    if (kubeconfig != null) {
      Config config;
      try {
        config = Config.fromKubeconfig(kubeconfig);
      } catch (RuntimeException e) {
        throw ProblemException.invalid(
            "kubeconfig", "is not a readable kubeconfig: " + rootMessage(e));
      }
      if (server == null) {
        server = config.getMasterUrl();
      }
      credentials =
          new ClusterCredentials(
              config.getAutoOAuthToken() != null
                  ? config.getAutoOAuthToken()
                  : config.getOauthToken(),
              config.getUsername(),
              config.getPassword(),
              config.getCaCertData(),
              config.getClientCertData(),
              config.getClientKeyData(),
              null,
              config.isTrustCerts());
    } else {
      JsonNode c = body.path("config");
      JsonNode tls = c.path("tlsClientConfig");
      credentials =
          new ClusterCredentials(
              text(c, "bearerToken"),
              text(c, "username"),
              text(c, "password"),
              text(tls, "caData"),
              text(tls, "certData"),
              text(tls, "keyData"),
              text(tls, "serverName"),
              tls.path("insecure").asBoolean(false));
    }
    server = normalizeServer(server, kubeconfig != null ? "kubeconfig" : "server");
    String name = text(body, "name");
    if (name == null) {
      name = server;
    }
    if (name.length() > 253) {
      throw ProblemException.invalid("name", "is longer than 253 characters");
    }
    return new Cluster(server, name, credentials);
  }

  /** The API server URL without a trailing slash; 400 naming {@code field} when it is no URL. */
  public static String normalizeServer(String server, String field) {
    if (server == null || server.isBlank()) {
      throw ProblemException.invalid(field, "the cluster's API server URL (server) is required");
    }
    String trimmed = server.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw ProblemException.invalid(
            "server", "\"" + server + "\" is not an http(s) URL of a Kubernetes API server");
      }
    } catch (URISyntaxException e) {
      throw ProblemException.invalid("server", "\"" + server + "\" is not a URL: " + e.getReason());
    }
    return trimmed;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
