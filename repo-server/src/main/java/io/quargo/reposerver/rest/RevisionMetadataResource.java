package io.quargo.reposerver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.reposerver.git.GitRevisions;
import io.quargo.reposerver.git.ResolvedRevision;
import io.quargo.reposerver.render.ManifestService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Argo CD's RevisionMetadata of a Git commit, which the UI shows next to a sync's revision: {@code
 * {author: "Name <email>", date, message, tags, signatureInfo}}. {@code {revision}} is a branch,
 * tag or (short) SHA resolved as a targetRevision; one that names nothing is a 404 problem. Quargo
 * does not verify GPG signatures, so {@code signatureInfo} is empty (as in Argo without GnuPG).
 */
@Path("/api/v1/repositories/{repo}/revisions/{revision}/metadata")
@Produces(MediaType.APPLICATION_JSON)
public class RevisionMetadataResource {

  private final GitRevisions revisions;
  private final ManifestService manifests;

  public RevisionMetadataResource(GitRevisions revisions, ManifestService manifests) {
    this.revisions = revisions;
    this.manifests = manifests;
  }

  @GET
  public ObjectNode metadata(
      @PathParam("repo") String repo, @PathParam("revision") String revision) {
    ResolvedRevision resolved = revisions.resolve(repo, manifests.credentialsFor(repo), revision);
    return metadata(resolved.repo(), ObjectId.fromString(resolved.sha()));
  }

  /** The metadata of commit {@code id} of {@code git}, with the tags that point at it. */
  static ObjectNode metadata(Repository git, ObjectId id) {
    try (RevWalk walk = new RevWalk(git)) {
      RevCommit commit = walk.parseCommit(id);
      PersonIdent author = commit.getAuthorIdent();
      ObjectNode answer = Json.mapper().createObjectNode();
      answer.put("author", author.getName() + " <" + author.getEmailAddress() + ">");
      answer.put(
          "date", Instant.ofEpochSecond(author.getWhenAsInstant().getEpochSecond()).toString());
      var tags = answer.putArray("tags");
      tagsOf(git, id).forEach(tags::add);
      answer.put("message", commit.getFullMessage().strip());
      answer.put("signatureInfo", "");
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> tagsOf(Repository git, ObjectId id) throws IOException {
    List<String> tags = new ArrayList<>();
    for (Ref ref : git.getRefDatabase().getRefsByPrefix("refs/tags/")) {
      Ref peeled = git.getRefDatabase().peel(ref);
      ObjectId target =
          peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
      if (id.equals(target)) {
        tags.add(ref.getName().substring("refs/tags/".length()));
      }
    }
    tags.sort(null);
    return tags;
  }
}
