package io.quargo.reposerver.rest;

import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.RemoteRefs;
import io.quargo.reposerver.render.AppListing;
import io.quargo.reposerver.render.ManifestService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A repository's refs and apps; {@code {repo}} is the repository URL, URL-encoded. */
@Path("/api/v1/repositories/{repo}")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryResource {

  private final GitRevisions revisions;
  private final ManifestService manifests;

  public RepositoryResource(GitRevisions revisions, ManifestService manifests) {
    this.revisions = revisions;
    this.manifests = manifests;
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
