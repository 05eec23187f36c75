package io.quargo.reposerver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.Problem;
import io.quargo.reposerver.RepoServerException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Writes repo-server failures as common's problem+json, with the request path as {@code instance}
 * and the failure's extra members ({@code path}, {@code file}, {@code repoURL}) beside the standard
 * ones. Other failures go to common's mappers.
 */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response repoServer(RepoServerException e, UriInfo uri) {
    if (e.status() >= 500) {
      LOG.warnf("%s: %s", uri.getPath(), e.getMessage());
    }
    ObjectNode body = Json.mapper().valueToTree(e.problem().at(uri.getPath()));
    e.extensions().forEach((k, v) -> body.set(k, Json.mapper().valueToTree(v)));
    return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body.toString()).build();
  }
}
