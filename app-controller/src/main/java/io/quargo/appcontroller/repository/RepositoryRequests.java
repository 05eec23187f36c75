package io.quargo.appcontroller.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reads Argo CD's repository body {@code {repo, type, name, project, username, password,
 * sshPrivateKey, insecure}}; errors are 400s naming the field.
 */
public final class RepositoryRequests {

  private RepositoryRequests() {}

  public static Repository read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalid("body", "a JSON repository {repo, type, ...} is required");
    }
    String repo = text(body, "repo");
    if (repo == null) {
      throw ProblemException.invalid("repo", "the repository URL is required");
    }
    repo = repo.trim();
    if (!repo.startsWith("git@") && !isUrl(repo)) {
      throw ProblemException.invalid(
          "repo", "\"" + repo + "\" is not a repository URL (https://, http://, ssh://, git://)");
    }
    String type = text(body, "type") == null ? "git" : text(body, "type");
    if (!type.equals("git") && !type.equals("helm")) {
      throw ProblemException.invalid("type", "\"" + type + "\" is not git or helm");
    }
    String password = text(body, "password");
    String key = text(body, "sshPrivateKey");
    if (password != null && key != null) {
      throw ProblemException.invalid(
          "sshPrivateKey", "give a password or an SSH private key, not both");
    }
    return new Repository(
        repo,
        type,
        text(body, "name"),
        text(body, "project"),
        text(body, "username"),
        password,
        key,
        body.path("insecure").asBoolean(false));
  }

  private static boolean isUrl(String repo) {
    try {
      URI uri = new URI(repo);
      return uri.getScheme() != null
          && uri.getHost() != null
          && java.util.Set.of("https", "http", "ssh", "git").contains(uri.getScheme());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }
}
