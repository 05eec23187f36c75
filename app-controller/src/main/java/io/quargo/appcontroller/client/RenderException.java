package io.quargo.appcontroller.client;

/**
 * repo-server could not render a source (or could not be reached): the HTTP status (0 when there
 * was no answer) and the problem's detail, which the app shows as a ComparisonError.
 */
public class RenderException extends RuntimeException {

  private final int status;

  public RenderException(int status, String detail, Throwable cause) {
    super(detail, cause);
    this.status = status;
  }

  /** The HTTP status repo-server answered, 0 when it did not answer. */
  public int status() {
    return status;
  }
}
