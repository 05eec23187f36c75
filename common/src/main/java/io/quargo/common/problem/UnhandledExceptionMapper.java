package io.quargo.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * The last resort: any exception no other mapper takes becomes a 500 with a generic detail and a
 * reference id; the exception is logged with that id and never sent to the client.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Exception> {

  private static final System.Logger LOG =
      System.getLogger(UnhandledExceptionMapper.class.getName());

  @Override
  public Response toResponse(Exception exception) {
    String reference = UUID.randomUUID().toString();
    LOG.log(System.Logger.Level.ERROR, "unhandled exception, reference " + reference, exception);
    return Problems.response(
        Problem.of(
            500,
            "internal error, reference "
                + reference
                + "; the server log has the details under this reference"));
  }
}
