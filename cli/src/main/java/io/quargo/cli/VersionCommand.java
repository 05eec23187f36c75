package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quargo version}: the client's version and, when a server is known, the server's. */
@Command(name = "version", description = "Print the version of this client and of the server.")
public final class VersionCommand implements Callable<Integer>, CommandLine.IVersionProvider {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--client", description = "Only the client's version; do not call the server.")
  boolean clientOnly;

  @Option(names = "--short", description = "Only the version numbers.")
  boolean shortForm;

  @CommandLine.Mixin OutputOption output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Connection connection = Main.of(spec).connection();
    Optional<JsonNode> server =
        clientOnly || connection.server().isEmpty()
            ? Optional.empty()
            : Optional.of(connection.client().get("/api/version"));
    ObjectNode all = OutputFormat.JSON_MAPPER.createObjectNode();
    all.putObject("client")
        .put("Version", "v" + clientVersion())
        .put("JavaVersion", System.getProperty("java.version"));
    server.ifPresent(s -> all.set("server", s));
    if (output.printStructured(out, all)) {
      return Main.OK;
    }
    out.println("quargo: v" + clientVersion());
    if (!shortForm) {
      out.println("  JavaVersion: " + System.getProperty("java.version"));
    }
    server.ifPresent(
        s -> {
          out.println("quargo-server: " + s.path("Version").asText("unknown"));
          if (!shortForm) {
            s.fields()
                .forEachRemaining(
                    f -> {
                      if (!f.getKey().equals("Version")) {
                        out.println("  " + f.getKey() + ": " + f.getValue().asText());
                      }
                    });
          }
        });
    return Main.OK;
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
