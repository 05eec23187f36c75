package io.quargo.reposerver.rest;

import io.quargo.reposerver.RepoServerException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes repo-server failures as RFC 7807 {@code application/problem+json}. */
public class ProblemMapper {

  /** The media type of every error body. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response repoServer(RepoServerException e, UriInfo uri) {
    if (e.status() >= 500) {
      LOG.warnf("%s: %s", uri.getPath(), e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:quargo:problem:" + e.type());
    body.put("title", e.title());
    body.put("status", e.status());
    body.put("detail", e.getMessage());
    body.put("instance", uri.getPath());
    e.extensions().forEach(body::putIfAbsent);
    return Response.status(e.status()).type(PROBLEM_JSON).entity(body).build();
  }

  @ServerExceptionMapper
  public Response io(UncheckedIOException e, UriInfo uri) {
    LOG.errorf(e, "%s failed", uri.getPath());
    return repoServer(
        new RepoServerException(
            500,
            "io-error",
            "Storage error",
            e.getMessage() + ": " + e.getCause().getMessage(),
            Map.of()),
        uri);
  }

  /** A request that is malformed in {@code field}. */
  static WebApplicationException invalid(String field, String message) {
    return new WebApplicationException(
        Response.status(400)
            .type(PROBLEM_JSON)
            .entity(
                Map.of(
                    "type",
                    "urn:quargo:problem:invalid-request",
                    "title",
                    "Invalid request",
                    "status",
                    400,
                    "detail",
                    field + ": " + message,
                    "field",
                    field))
            .build());
  }
}
