package io.quargo.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 7807 problem detail, the body of every Quargo error response ({@value #MEDIA_TYPE}).
 *
 * <pre>{@code
 * {"type":"about:blank","title":"Bad Request","status":400,
 *  "detail":"spec.destination.namespace is required",
 *  "errors":[{"field":"spec.destination.namespace","message":"is required"}]}
 * }</pre>
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title the status's reason phrase
 * @param detail what went wrong with this request, in words a person can act on
 * @param instance the request path, when known
 * @param errors extension: one entry per invalid field, empty when none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  /** The media type of a problem body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The default type. */
  public static final String ABOUT_BLANK = "about:blank";

  /**
   * One invalid input.
   *
   * @param field the JSON path of the field, e.g. {@code spec.sources[1].repoURL}; empty for the
   *     whole body
   * @param message what is wrong and what to do about it
   */
  public record FieldError(String field, String message) {}

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** A problem with the standard title of {@code status}. */
  public static Problem of(int status, String detail, List<FieldError> errors) {
    return new Problem(ABOUT_BLANK, reasonPhrase(status), status, detail, null, errors);
  }

  /** A problem without field errors. */
  public static Problem of(int status, String detail) {
    return of(status, detail, List.of());
  }

  /** The same problem at request path {@code instance}. */
  public Problem at(String instance) {
    return new Problem(type, title, status, detail, instance, errors);
  }

  /** The reason phrase of an HTTP status ({@code Not Found}), or {@code HTTP <status>}. */
  public static String reasonPhrase(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null ? known.getReasonPhrase() : "HTTP " + status;
  }
}
