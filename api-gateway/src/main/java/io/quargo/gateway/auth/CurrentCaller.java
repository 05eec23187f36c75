package io.quargo.gateway.auth;

import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The caller of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;
  private String token;

  void set(Caller caller, String token) {
    this.caller = caller;
    this.token = token;
  }

  /** The token the caller sent, as sent. */
  String token() {
    return token;
  }

  /** The caller, if the request carried a valid token. */
  public Optional<Caller> find() {
    return Optional.ofNullable(caller);
  }

  /** The caller; 401 if there is none. */
  public Caller get() {
    if (caller == null) {
      throw new ProblemException(
          401, "no valid session: log in with POST /api/v1/session and send the token");
    }
    return caller;
  }
}
