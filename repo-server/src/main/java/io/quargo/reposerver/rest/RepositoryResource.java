package io.quargo.reposerver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.reposerver.RepoServerException;
import io.quargo.reposerver.git.CommitTrees;
import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RemoteRefs;
import io.quargo.reposerver.git.RepoCredentials;
import io.quargo.reposerver.git.RepoPaths;
import io.quargo.reposerver.git.ResolvedRevision;
import io.quargo.reposerver.render.AppListing;
import io.quargo.reposerver.render.ManifestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** A repository's refs and apps; {@code {repo}} is the repository URL, URL-encoded. */
@Path("/api/v1/repositories/{repo}")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryResource {

  private final GitRevisions revisions;
  private final ManifestService manifests;
  private final RepoCredentials credentials;
  private final CommitTrees trees;

  public RepositoryResource(
      GitRevisions revisions,
      ManifestService manifests,
      RepoCredentials credentials,
      CommitTrees trees) {
    this.revisions = revisions;
    this.manifests = manifests;
    this.credentials = credentials;
    this.trees = trees;
  }

  /**
   * {@code {revision, path, content}}: the commit {@code revision} (default {@code HEAD}) resolves
   * to and, when {@code path} is given, that file's text; for a multi-source app's {@code $ref/...}
   * Helm value files. 404 when the file is not there.
   */
  @GET
  @Path("/files")
  public ObjectNode file(
      @PathParam("repo") String repo,
      @QueryParam("revision") String revision,
      @QueryParam("path") String path) {
    ResolvedRevision resolved =
        revisions.resolve(
            repo,
            manifests.credentialsFor(repo),
            revision == null || revision.isBlank() ? "HEAD" : revision);
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("revision", resolved.sha());
    if (path == null || path.isBlank()) {
      return answer;
    }
    RepoPaths.requireRelativeInside("path", path);
    String content =
        trees.withTree(
            resolved,
            root -> {
              java.nio.file.Path file = RepoPaths.resolve(root, root, "path", path);
              if (!Files.isRegularFile(file)) {
                throw new RepoServerException(
                    404,
                    "path-not-found",
                    "File not found",
                    "\"" + path + "\" is not a file at revision " + resolved.sha() + " of " + repo,
                    Map.of("path", path));
              }
              try {
                return Files.readString(file, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    answer.put("path", path);
    answer.put("content", content);
    return answer;
  }

  /**
   * The refs read with the registered credentials in the body ({@code {username, password,
   * sshPrivateKey}}, Argo's Repository), which are remembered for this repository (polling uses
   * them); app-controller's connection check.
   */
  @POST
  @Path("/refs")
  @Consumes(MediaType.APPLICATION_JSON)
  public RemoteRefs refsWith(@PathParam("repo") String repo, JsonNode body) {
    remember(credentials, repo, body);
    return revisions.refs(repo, manifests.credentialsFor(repo));
  }

  /**
   * Remembers the credentials of Argo's Repository JSON {@code repo} for {@code url}; nothing when
   * it carries none. Never logged.
   */
  static void remember(RepoCredentials credentials, String url, JsonNode repo) {
    if (repo == null || !repo.isObject()) {
      return;
    }
    String password = text(repo, "password");
    String key = text(repo, "sshPrivateKey");
    if (password == null && key == null) {
      credentials.remember(url, GitCredentials.NONE);
      return;
    }
    credentials.remember(
        url, new GitCredentials(text(repo, "username"), password, key, text(repo, "knownHosts")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  /** The branches and tags the server advertises, and the commit of its HEAD. */
  @GET
  @Path("/refs")
  public RemoteRefs refs(@PathParam("repo") String repo) {
    return revisions.refs(repo, manifests.credentialsFor(repo));
  }

  /** The folders that hold apps at {@code revision} (default {@code HEAD}), with their type. */
  @GET
  @Path("/apps")
  public AppListing apps(@PathParam("repo") String repo, @QueryParam("revision") String revision) {
    return manifests.apps(repo, revision);
  }
}
