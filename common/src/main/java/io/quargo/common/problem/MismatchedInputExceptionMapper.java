package io.quargo.common.problem;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers unknown fields and wrong types in a request body with a 400 problem.
 *
 * <p>Quarkus REST rethrows {@link MismatchedInputException} to its own {@code
 * BuiltinMismatchedInputExceptionMapper}, which is more specific than {@link
 * JsonProcessingExceptionMapper} and would win; this mapper registers for the same type so ours
 * answers (and common's {@code microprofile-config.properties} disables the built-in one).
 */
@Provider
@Priority(Priorities.USER)
public class MismatchedInputExceptionMapper implements ExceptionMapper<MismatchedInputException> {

  @Override
  public Response toResponse(MismatchedInputException exception) {
    return Problems.response(Problems.badJson(exception));
  }
}
