package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads one context of a kubeconfig file into Argo CD's cluster {@code config} (bearer token or
 * basic auth, and {@code tlsClientConfig} with base64 {@code caData}, {@code certData}, {@code
 * keyData}), so {@code quargo cluster add --kubeconfig} needs no kubectl.
 */
final class Kubeconfig {
  /** The chosen context: its name, the API server's URL and Argo's cluster config. */
  record Context(String name, String server, ObjectNode config) {}

  private Kubeconfig() {}

  /** The context {@code contextName}, or the file's {@code current-context} when null. */
  static Context read(Path file, String contextName) {
    JsonNode root;
    try {
      root = OutputFormat.YAML_MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new CliException("cannot read the kubeconfig " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CliException(file + " is not a kubeconfig (a YAML object with contexts)");
    }
    String wanted = contextName != null ? contextName : root.path("current-context").asText("");
    if (wanted.isEmpty()) {
      throw new CliException(
          file
              + " has no current-context; pick one with --context ("
              + names(root.path("contexts"))
              + ")");
    }
    JsonNode context = named(root, "contexts", wanted).path("context");
    if (context.isMissingNode()) {
      throw new CliException(
          file + " has no context \"" + wanted + "\"; it has: " + names(root.path("contexts")));
    }
    String clusterName = context.path("cluster").asText("");
    JsonNode cluster = named(root, "clusters", clusterName).path("cluster");
    String server = cluster.path("server").asText("");
    if (server.isEmpty()) {
      throw new CliException(
          file
              + ": context \""
              + wanted
              + "\" names cluster \""
              + clusterName
              + "\", which has no"
              + " server");
    }
    Path dir = file.toAbsolutePath().getParent();
    ObjectNode config = OutputFormat.JSON_MAPPER.createObjectNode();
    ObjectNode tls = config.putObject("tlsClientConfig");
    tls.put("insecure", cluster.path("insecure-skip-tls-verify").asBoolean(false));
    putText(tls, "serverName", cluster.path("tls-server-name").asText(""));
    putData(tls, "caData", cluster, "certificate-authority", dir);
    JsonNode user = named(root, "users", context.path("user").asText("")).path("user");
    String token = user.path("token").asText("");
    if (token.isEmpty() && user.hasNonNull("tokenFile")) {
      token = readText(resolve(dir, user.path("tokenFile").asText())).strip();
    }
    putText(config, "bearerToken", token);
    putText(config, "username", user.path("username").asText(""));
    putText(config, "password", user.path("password").asText(""));
    putData(tls, "certData", user, "client-certificate", dir);
    putData(tls, "keyData", user, "client-key", dir);
    return new Context(wanted, server, config);
  }

  /** The entry of a kubeconfig list ({@code clusters}, {@code users}...) with that name. */
  private static JsonNode named(JsonNode root, String list, String name) {
    for (JsonNode entry : root.path(list)) {
      if (name.equals(entry.path("name").asText())) {
        return entry;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.forEach(c -> names.add(c.path("name").asText()));
    names.removeIf(String::isEmpty);
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** {@code field-data} as is (base64 already), or the file {@code field} read and encoded. */
  private static void putData(
      ObjectNode target, String into, JsonNode source, String field, Path dir) {
    String data = source.path(field + "-data").asText("");
    if (!data.isEmpty()) {
      target.put(into, data);
    } else if (source.hasNonNull(field)) {
      target.put(into, base64(resolve(dir, source.path(field).asText())));
    }
  }

  private static void putText(ObjectNode target, String field, String value) {
    if (!value.isEmpty()) {
      target.put(field, value);
    }
  }

  /** A kubeconfig's relative paths are relative to the kubeconfig file. */
  private static Path resolve(Path dir, String path) {
    Path given = Path.of(path);
    return given.isAbsolute() || dir == null ? given : dir.resolve(given);
  }

  /** A file's bytes in base64, as Argo's JSON carries {@code []byte} fields. */
  static String base64(Path file) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e, e);
    }
  }

  static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e, e);
    }
  }
}
