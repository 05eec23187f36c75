package io.quargo.reposerver.git;

import io.quargo.reposerver.RepoServerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * SSH for JGit through Apache MINA sshd, one session factory per private key: public-key
 * authentication only, and the server's host key must be in the given known hosts (strict checking;
 * the process user's {@code ~/.ssh} is never read).
 */
final class SshSessions implements AutoCloseable {

  private final Path dir;
  private final Map<String, SshdSessionFactory> factories = new ConcurrentHashMap<>();

  SshSessions(Path dir) {
    this.dir = dir;
  }

  /** Configures SSH transports for {@code credentials}; other transports are left as they are. */
  TransportConfigCallback callback(String url, GitCredentials credentials) {
    return transport -> {
      if (transport instanceof SshTransport ssh) {
        if (!credentials.hasSshKey()) {
          throw GitAccessException.unauthorized(
              GitErrors.redact(url), "no SSH private key is configured for this repository");
        }
        ssh.setSshSessionFactory(factory(credentials));
      }
    };
  }

  private SshdSessionFactory factory(GitCredentials credentials) {
    if (credentials.knownHosts() == null || credentials.knownHosts().isBlank()) {
      throw new RepoServerException(
          400,
          "ssh-known-hosts-missing",
          "SSH known hosts missing",
          "an SSH private key needs the server's known hosts lines, so that its host key can be"
              + " checked; add them to the repository's credentials",
          Map.of());
    }
    String id = hash(credentials.sshPrivateKey() + "\n" + credentials.knownHosts());
    return factories.computeIfAbsent(id, k -> build(dir.resolve(k), credentials));
  }

  private static SshdSessionFactory build(Path home, GitCredentials credentials) {
    try {
      Files.createDirectories(home);
      Path key = writePrivate(home.resolve("identity"), credentials.sshPrivateKey());
      Path knownHosts = writePrivate(home.resolve("known_hosts"), credentials.knownHosts());
      Path config =
          writePrivate(
              home.resolve("config"),
              "Host *\n  StrictHostKeyChecking yes\n  UserKnownHostsFile "
                  + knownHosts
                  + "\n  IdentityFile "
                  + key
                  + "\n  IdentitiesOnly yes\n");
      return new SshdSessionFactoryBuilder()
          .setHomeDirectory(home.toFile())
          .setSshDirectory(home.toFile())
          .setConfigFile(f -> config.toFile())
          .setDefaultIdentities(f -> List.of(key))
          .setDefaultKnownHostsFiles(f -> List.of(knownHosts))
          .setPreferredAuthentications("publickey")
          .build(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the SSH key files in " + home, e);
    }
  }

  private static Path writePrivate(Path file, String content) throws IOException {
    String text = content.endsWith("\n") ? content : content + "\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    return file;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    factories.values().forEach(SshdSessionFactory::close);
    factories.clear();
  }
}
