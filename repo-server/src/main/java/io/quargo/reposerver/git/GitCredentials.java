package io.quargo.reposerver.git;

import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * HTTPS credentials for one repository: user and password, or a token (sent as the password of user
 * {@code x-access-token}, which GitHub, GitLab and Gitea accept). {@code toString} hides them.
 */
public record GitCredentials(String username, String password) {

  /** No credentials (public or git:// repositories). */
  public static final GitCredentials NONE = new GitCredentials(null, null);

  /** A bare access token. */
  public static GitCredentials token(String token) {
    return new GitCredentials("x-access-token", token);
  }

  /** JGit's provider for these credentials, or null when there are none. */
  public CredentialsProvider provider() {
    if (password == null) {
      return null;
    }
    String user = username == null || username.isBlank() ? "x-access-token" : username;
    return new UsernamePasswordCredentialsProvider(user, password);
  }

  @Override
  public String toString() {
    return password == null ? "GitCredentials[none]" : "GitCredentials[" + username + ", ****]";
  }
}
