package io.quargo.appcontroller.repository;

/**
 * A registered repository in Argo CD's shape: URL, {@code git} or {@code helm}, an optional name
 * and project, and credentials (user and password or token, or an SSH private key). {@code
 * toString} hides the secrets.
 */
public record Repository(
    String repo,
    String type,
    String name,
    String project,
    String username,
    String password,
    String sshPrivateKey,
    boolean insecure) {

  /** Whether there is anything to authenticate with. */
  public boolean hasCredentials() {
    return (password != null && !password.isEmpty())
        || (sshPrivateKey != null && !sshPrivateKey.isEmpty());
  }

  /** The URL as the same repository is written either way: no trailing slash or {@code .git}. */
  public static String normalize(String url) {
    String u = url.trim();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }

  @Override
  public String toString() {
    return "Repository[" + repo + ", " + type + ", user " + username + ", ****]";
  }
}
