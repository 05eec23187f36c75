package io.quargo.common.problem;

import io.quargo.common.yaml.ManifestParseException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers unreadable YAML/JSON manifests with 400 naming document, line and column. */
@Provider
public class ManifestParseExceptionMapper implements ExceptionMapper<ManifestParseException> {

  @Override
  public Response toResponse(ManifestParseException exception) {
    return Problems.response(Problem.of(400, exception.getMessage()));
  }
}
