package io.quargo.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quargo.cli.Main;
import io.quargo.e2e.suite.RunningSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code quargo} CLI run in-process, as a user would type it, with its config in a folder of
 * the test's own (no {@code ~/.config/quargo} is read or written) and an otherwise empty
 * environment.
 */
final class QuargoCli {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one command printed and how it exited. */
  record Result(String command, int exitCode, String out, String err) {
    /** Asserts the exit code, showing the command and everything it printed when it differs. */
    Result exits(int expected) {
      assertThat(exitCode)
          .as("`quargo %s` exit code; out:%n%s%nerr:%n%s", command, out, err)
          .isEqualTo(expected);
      return this;
    }

    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("`quargo " + command + "` did not print JSON:\n" + out, e);
      }
    }
  }

  private final Map<String, String> env;

  QuargoCli(Path configDir) {
    this.env = Map.of("QUARGO_CONFIG_DIR", configDir.toString());
  }

  /** Logs in to the running suite as its admin (exit 0 asserted); returns this CLI. */
  QuargoCli loginAsAdmin(RunningSuite suite) {
    run(
            "login",
            suite.gatewayAddress(),
            "--username",
            suite.adminUsername(),
            "--password",
            suite.adminPassword())
        .exits(0);
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(env);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return new Result(String.join(" ", args), code, out.toString(), err.toString());
  }
}
