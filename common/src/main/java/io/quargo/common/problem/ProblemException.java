package io.quargo.common.problem;

import java.util.List;

/**
 * Thrown by service code to answer with a problem: a status, a detail a person can act on and
 * optional field errors; {@link ProblemExceptionMapper} turns it into the response.
 *
 * <pre>{@code
 * throw ProblemException.invalid("spec.source.path", "\"../x\" leaves the repository; use a path inside it");
 * }</pre>
 */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public ProblemException(int status, String detail, List<Problem.FieldError> errors) {
    this(Problem.of(status, detail, errors));
  }

  public ProblemException(int status, String detail) {
    this(Problem.of(status, detail));
  }

  /** The problem to send. */
  public Problem problem() {
    return problem;
  }

  /** 400 with field errors. */
  public static ProblemException badRequest(String detail, Problem.FieldError... errors) {
    return new ProblemException(400, detail, List.of(errors));
  }

  /** 400 for one invalid field; the detail reads {@code <field>: <message>}. */
  public static ProblemException invalid(String field, String message) {
    return badRequest(field + ": " + message, new Problem.FieldError(field, message));
  }

  /** 404: {@code what} names the missing thing, e.g. {@code application argocd/guestbook}. */
  public static ProblemException notFound(String what) {
    return new ProblemException(404, what + " not found");
  }

  /** 409, e.g. an operation already running. */
  public static ProblemException conflict(String detail) {
    return new ProblemException(409, detail);
  }
}
