package io.quargo.appcontroller.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.config.ControllerConfig;
import io.quargo.appcontroller.repository.Repository;
import io.quargo.appcontroller.repository.RepositoryRegistry;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.ApplicationSource;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Asks repo-server to render an Application source. Owns timeouts, retries (connection failures and
 * 502/503/504, with backoff) and the translation of 404 (unknown revision or path) into "absent";
 * other failures become {@link RenderException} with repo-server's problem detail. A registered
 * repository's credentials go with each request as {@code repo} (as Argo's controller passes the
 * repository to its repo-server); they are never logged.
 */
@ApplicationScoped
public class RepoServerClient {

  private static final Logger LOG = Logger.getLogger(RepoServerClient.class);
  private static final List<String> SOURCE_FIELDS =
      List.of("repoURL", "targetRevision", "path", "chart", "helm", "directory", "kustomize");

  private final RepoServerApi api;
  private final ControllerConfig.RepoServer config;
  private final RepositoryRegistry repositories;

  public RepoServerClient(ControllerConfig config, RepositoryRegistry repositories) {
    this.repositories = repositories;
    this.config = config.repoServer();
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(URI.create(this.config.url()))
            .connectTimeout(this.config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(this.config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(RepoServerApi.class);
  }

  /**
   * Renders {@code source} at {@code revision} (null: the source's targetRevision) for app {@code
   * appName} deployed to {@code namespace}; empty when repo-server answers 404.
   */
  public Optional<RenderedManifests> render(
      ApplicationSource source, String revision, String appName, String namespace) {
    ObjectNode body = request(source, revision, appName, namespace);
    repositories
        .find(source.getRepoURL())
        .filter(Repository::hasCredentials)
        .ifPresent(r -> body.set("repo", credentials(r)));
    RuntimeException last = null;
    for (int attempt = 1; attempt <= Math.max(1, config.attempts()); attempt++) {
      try {
        Optional<RenderedManifests> result = call(body);
        return result;
      } catch (RetryableException e) {
        last = new RenderException(e.status, e.getMessage(), e.getCause());
        LOG.debugf("repo-server attempt %d for %s failed: %s", attempt, appName, e.getMessage());
        backoff(attempt);
      }
    }
    throw last;
  }

  /**
   * Argo's connection state of {@code repository}: {@code Successful} when repo-server read its
   * refs with the registered credentials (which it then keeps for polling), else {@code Failed}
   * with repo-server's reason.
   */
  public ObjectNode connectionState(Repository repository) {
    ObjectNode state = Json.mapper().createObjectNode();
    state.put("attemptedAt", Instant.now().toString());
    if ("helm".equals(repository.type())) {
      state.put("status", "Unknown");
      state.put("message", "Helm repositories are checked when a chart is rendered");
      return state;
    }
    String encoded = segment(repository.repo());
    Response answer;
    try {
      answer = api.refs(encoded, credentials(repository));
    } catch (WebApplicationException e) {
      answer = e.getResponse();
    } catch (ProcessingException e) {
      state.put("status", "Failed");
      state.put("message", "repo-server at " + config.url() + " did not answer: " + rootMessage(e));
      return state;
    }
    try (Response response = answer) {
      int status = response.getStatus();
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      state.put("status", status == 200 ? "Successful" : "Failed");
      state.put("message", status == 200 ? "" : detail(status, text));
    }
    return state;
  }

  /**
   * The commit {@code revision} resolves to in {@code repoURL} and, when {@code path} is given, the
   * file's text ({@code content} is null without a path); empty when repo-server answers 404.
   */
  public Optional<RepoFile> file(String repoURL, String revision, String path) {
    String rev = revision == null || revision.isBlank() ? "HEAD" : revision;
    return read(() -> api.file(segment(repoURL.trim()), rev, path))
        .map(
            json ->
                new RepoFile(json.path("revision").asText(""), json.path("content").asText(null)));
  }

  /**
   * Argo's RevisionMetadata (author, date, message, tags) of {@code revision} (branch, tag or SHA)
   * of {@code repoURL}; empty when repo-server answers 404 (no such revision).
   */
  public Optional<ObjectNode> revisionMetadata(String repoURL, String revision) {
    return read(() -> api.revisionMetadata(segment(repoURL.trim()), segment(revision)))
        .map(
            json -> {
              if (!(json instanceof ObjectNode metadata)) {
                throw new RenderException(
                    200, "repo-server answered with no metadata object", null);
              }
              return metadata;
            });
  }

  /**
   * A GET's JSON answer: empty on 404, a {@link RenderException} with repo-server's detail on
   * another failure or when it does not answer.
   */
  private Optional<JsonNode> read(Supplier<Response> call) {
    Response answer;
    try {
      answer = call.get();
    } catch (WebApplicationException e) {
      answer = e.getResponse();
    } catch (ProcessingException e) {
      throw new RenderException(
          0, "repo-server at " + config.url() + " did not answer: " + rootMessage(e), e);
    }
    try (Response response = answer) {
      int status = response.getStatus();
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      if (status == 404) {
        return Optional.empty();
      }
      if (status >= 300) {
        throw new RenderException(status, detail(status, text), null);
      }
      return Optional.of(Json.mapper().readTree(text.isBlank() ? "{}" : text));
    } catch (JsonProcessingException e) {
      throw new RenderException(200, "repo-server answered with invalid JSON", e);
    }
  }

  /** {@code value} as one URL path segment (a repo URL holds slashes, a branch may). */
  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A file of a repository at a commit ({@code content} null when only the commit was asked). */
  public record RepoFile(String revision, String content) {}

  /** Argo's Repository JSON as repo-server reads it: the URL and the credentials. */
  private static ObjectNode credentials(Repository repository) {
    ObjectNode repo = Json.mapper().createObjectNode();
    repo.put("repo", repository.repo());
    if (repository.username() != null) {
      repo.put("username", repository.username());
    }
    if (repository.password() != null) {
      repo.put("password", repository.password());
    }
    if (repository.sshPrivateKey() != null) {
      repo.put("sshPrivateKey", repository.sshPrivateKey());
    }
    repo.put("insecure", repository.insecure());
    return repo;
  }

  private Optional<RenderedManifests> call(ObjectNode body) {
    Response answer;
    try {
      answer = api.manifests(body);
    } catch (WebApplicationException e) {
      answer = e.getResponse();
    } catch (ProcessingException e) {
      throw new RetryableException(
          0, "repo-server at " + config.url() + " did not answer: " + rootMessage(e), e);
    }
    try (Response response = answer) {
      int status = response.getStatus();
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      if (status == 404) {
        return Optional.empty();
      }
      if (status == 502 || status == 503 || status == 504) {
        throw new RetryableException(status, detail(status, text), null);
      }
      if (status >= 300) {
        throw new RenderException(status, detail(status, text), null);
      }
      return Optional.of(parse(text));
    }
  }

  private static RenderedManifests parse(String text) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new RenderException(
          200, "repo-server answered with invalid JSON: " + e.getOriginalMessage(), e);
    }
    List<ObjectNode> manifests = new ArrayList<>();
    json.path("manifests").forEach(m -> manifests.add((ObjectNode) m));
    return new RenderedManifests(
        manifests, json.path("revision").asText(""), json.path("sourceType").asText(""));
  }

  /** The request body: the source's rendering fields, the revision, app name and namespace. */
  static ObjectNode request(
      ApplicationSource source, String revision, String appName, String namespace) {
    ObjectNode full = Json.mapper().valueToTree(source);
    ObjectNode body = Json.mapper().createObjectNode();
    for (String field : SOURCE_FIELDS) {
      if (full.hasNonNull(field)) {
        body.set(field, full.get(field));
      }
    }
    if (revision != null && !revision.isBlank()) {
      body.put("targetRevision", revision);
    }
    if (!body.hasNonNull("targetRevision")) {
      body.put("targetRevision", "HEAD");
    }
    body.put("appName", appName);
    if (namespace != null) {
      body.put("namespace", namespace);
    }
    return body;
  }

  private static String detail(int status, String text) {
    try {
      JsonNode problem = Json.mapper().readTree(text);
      if (problem.hasNonNull("detail")) {
        return problem.get("detail").asText();
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // not a problem document: fall through to the raw text
    }
    return "repo-server answered " + status + (text.isBlank() ? "" : ": " + text);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(200L << Math.min(attempt, 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A failure worth another attempt. */
  private static final class RetryableException extends RuntimeException {
    private final int status;

    RetryableException(int status, String message, Throwable cause) {
      super(message, cause);
      this.status = status;
    }
  }
}
