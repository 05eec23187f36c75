package io.quargo.reposerver.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real SSH server (Apache MINA sshd) serving {@code git-upload-pack} with JGit over a directory
 * of bare repositories; only one public key may log in.
 */
public final class SshGitServer implements AutoCloseable {

  private final SshServer server;

  private SshGitServer(SshServer server) {
    this.server = server;
  }

  /** Starts on a free loopback port, serving {@code root}, letting in {@code allowed} only. */
  public static SshGitServer start(Path root, Path hostKeyFile, PublicKey allowed) {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
    sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, allowed));
    sshd.setCommandFactory((channel, command) -> new UploadPackCommand(root, command));
    try {
      sshd.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SshGitServer(sshd);
  }

  /** {@code ssh://git@127.0.0.1:port/<name>.git}. */
  public String url(String name) {
    return "ssh://git@127.0.0.1:" + server.getPort() + "/" + name + ".git";
  }

  /** The known hosts line for this server's host key. */
  public String knownHostsLine() {
    try {
      KeyPair host = server.getKeyPairProvider().loadKeys(null).iterator().next();
      return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host.getPublic());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.stop(true);
    } catch (IOException ignored) {
      // test teardown
    }
  }

  /** {@code git-upload-pack '/<name>.git'} answered by JGit's UploadPack. */
  private static final class UploadPackCommand implements Command {
    private final Path root;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    UploadPackCommand(Path root, String command) {
      this.root = root;
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      new Thread(this::run, "ssh-upload-pack").start();
    }

    private void run() {
      if (!command.startsWith("git-upload-pack ")) {
        exit.onExit(1, "only git-upload-pack is served");
        return;
      }
      String path = command.substring(16).replace("'", "").replaceFirst("^/+", "");
      try (Repository repo =
          new FileRepositoryBuilder()
              .setGitDir(root.resolve(path).toFile())
              .setMustExist(true)
              .build()) {
        new UploadPack(repo).upload(in, out, err);
        out.flush();
        exit.onExit(0);
      } catch (Exception e) {
        exit.onExit(1, String.valueOf(e.getMessage()));
      }
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
