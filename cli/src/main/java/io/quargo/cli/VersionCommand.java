package io.quargo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code quargo version}: the client's version (the server's joins once the gateway serves it). */
@Command(name = "version", description = "Print the version of this client.")
public final class VersionCommand implements Runnable, CommandLine.IVersionProvider {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().println("quargo: " + clientVersion());
  }

  @Override
  public String[] getVersion() {
    return new String[] {"quargo " + clientVersion()};
  }

  /** The version Maven stamped into {@code quargo-version.properties} at build time. */
  static String clientVersion() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("/quargo-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
