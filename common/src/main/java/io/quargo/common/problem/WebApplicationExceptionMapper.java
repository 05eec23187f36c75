package io.quargo.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Answers JAX-RS's own errors (404, 405, 406, 415...) as problems with the same status, keeping
 * headers such as {@code Allow} and {@code WWW-Authenticate}. Quarkus REST wraps malformed JSON
 * bodies in a 400 {@link WebApplicationException}; those get the JSON problem of {@link
 * Problems#badJson}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original == null ? 500 : original.getStatus();
    Problem problem;
    if (exception.getCause() instanceof JsonProcessingException json && status == 400) {
      problem = Problems.badJson(json);
    } else if (status >= 500) {
      problem = Problem.of(status, "the server failed to answer this request; try again later");
    } else {
      problem = Problem.of(status, detail(exception, status));
    }
    Response.ResponseBuilder response = Response.fromResponse(Problems.response(problem));
    if (original != null) {
      for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
        String name = header.getKey();
        if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
            && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
          header.getValue().forEach(value -> response.header(name, value));
        }
      }
    }
    return response.build();
  }

  private static String detail(WebApplicationException exception, int status) {
    String message = exception.getMessage();
    if (message != null
        && !message.isBlank()
        && !message.equals("HTTP " + status + " " + Problem.reasonPhrase(status))) {
      return message;
    }
    return switch (status) {
      case 404 -> "no resource at this path; check the URL against /q/openapi";
      case 405 -> "this resource does not support the method; see the Allow header";
      case 406 -> "this resource cannot produce the media type in Accept";
      case 415 -> "this resource does not accept the request's Content-Type";
      case 401 -> "authentication required";
      case 403 -> "not allowed";
      default -> Problem.reasonPhrase(status);
    };
  }
}
