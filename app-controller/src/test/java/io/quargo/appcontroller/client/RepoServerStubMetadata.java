package io.quargo.appcontroller.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.testkit.git.GitServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * {@link RepoServerStub}'s {@code GET /api/v1/repositories/{repo}/revisions/{revision}/metadata}:
 * repo-server's RevisionMetadata read from the test Git server's bare repository.
 */
final class RepoServerStubMetadata {

  private RepoServerStubMetadata() {}

  static void metadata(com.sun.net.httpserver.HttpExchange exchange, String raw)
      throws IOException {
    String[] parts =
        raw.substring("/api/v1/repositories/".length(), raw.length() - "/metadata".length())
            .split("/revisions/");
    String url = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    String revision = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
    String repo = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
    var dir = GitServer.shared().repos().dir(repo);
    try (Repository git = new FileRepositoryBuilder().setGitDir(dir.toFile()).build();
        RevWalk walk = new RevWalk(git)) {
      ObjectId id = git.resolve(revision);
      if (id == null) {
        RepoServerStub.send(
            exchange,
            404,
            RepoServerStub.problem(404, "revision " + revision + " not found in " + url));
        return;
      }
      RevCommit commit = walk.parseCommit(id);
      PersonIdent author = commit.getAuthorIdent();
      ObjectNode answer = Json.mapper().createObjectNode();
      answer.put("author", author.getName() + " <" + author.getEmailAddress() + ">");
      answer.put("date", Instant.ofEpochSecond(commit.getCommitTime()).toString());
      var tags = answer.putArray("tags");
      for (Ref tag : git.getRefDatabase().getRefsByPrefix("refs/tags/")) {
        Ref peeled = git.getRefDatabase().peel(tag);
        ObjectId target =
            peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
        if (commit.getId().equals(target)) {
          tags.add(tag.getName().substring("refs/tags/".length()));
        }
      }
      answer.put("message", commit.getFullMessage().strip());
      answer.put("signatureInfo", "");
      RepoServerStub.send(exchange, 200, answer);
    }
  }
}
