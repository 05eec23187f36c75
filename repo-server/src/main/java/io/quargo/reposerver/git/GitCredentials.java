package io.quargo.reposerver.git;

import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Credentials for one repository: HTTPS user and password, or a token (sent as the password of user
 * {@code x-access-token}, which GitHub, GitLab and Gitea accept); or, for {@code ssh://} URLs, a
 * private key (PEM or OpenSSH text) with the server's known hosts lines. {@code toString} hides the
 * secrets.
 */
public record GitCredentials(
    String username, String password, String sshPrivateKey, String knownHosts) {

  /** No credentials (public or git:// repositories). */
  public static final GitCredentials NONE = new GitCredentials(null, null);

  /** HTTPS user and password (or token). */
  public GitCredentials(String username, String password) {
    this(username, password, null, null);
  }

  /** A bare access token. */
  public static GitCredentials token(String token) {
    return new GitCredentials("x-access-token", token);
  }

  /** An SSH private key and the known hosts lines the server's key must match. */
  public static GitCredentials ssh(String privateKey, String knownHosts) {
    return new GitCredentials(null, null, privateKey, knownHosts);
  }

  /** Whether these credentials carry an SSH key. */
  public boolean hasSshKey() {
    return sshPrivateKey != null && !sshPrivateKey.isBlank();
  }

  /** JGit's provider for the user and password, or null when there are none. */
  public CredentialsProvider provider() {
    if (password == null) {
      return null;
    }
    String user = username == null || username.isBlank() ? "x-access-token" : username;
    return new UsernamePasswordCredentialsProvider(user, password);
  }

  @Override
  public String toString() {
    if (hasSshKey()) {
      return "GitCredentials[ssh key ****]";
    }
    return password == null ? "GitCredentials[none]" : "GitCredentials[" + username + ", ****]";
  }
}
