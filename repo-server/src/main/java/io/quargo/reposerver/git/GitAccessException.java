package io.quargo.reposerver.git;

import io.quargo.reposerver.RepoServerException;
import java.util.Map;

/**
 * The Git server refused us (401 without or with wrong credentials, 403 without permission) or
 * could not be reached (502). The message never contains credentials.
 */
public class GitAccessException extends RepoServerException {

  private GitAccessException(int status, String type, String title, String detail, String url) {
    super(status, type, title, detail, Map.of("repoURL", url));
  }

  /** The server wants credentials, or rejected the ones given. */
  public static GitAccessException unauthorized(String url, String serverMessage) {
    return new GitAccessException(
        401,
        "git-authentication-failed",
        "Git authentication failed",
        "the Git server for "
            + url
            + " rejected the request as unauthenticated ("
            + serverMessage
            + "); configure a username and password or token for this repository",
        url);
  }

  /** The credentials are valid but may not read this repository. */
  public static GitAccessException forbidden(String url, String serverMessage) {
    return new GitAccessException(
        403,
        "git-access-denied",
        "Git access denied",
        "the Git server for "
            + url
            + " denied access ("
            + serverMessage
            + "); grant the configured account read access to the repository",
        url);
  }

  /** The repository could not be reached or read. */
  public static GitAccessException unavailable(String url, String serverMessage) {
    return new GitAccessException(
        502,
        "git-unavailable",
        "Git repository unavailable",
        "cannot read "
            + url
            + ": "
            + serverMessage
            + "; check the repoURL and that the server runs",
        url);
  }
}
