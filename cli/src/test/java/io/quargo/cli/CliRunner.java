package io.quargo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code quargo} commands in-process through {@link Main#commandLine(Map)}. */
final class CliRunner {
  /** What one command printed and how it exited. */
  record Result(int exitCode, String out, String err) {}

  private final Map<String, String> env;

  /**
   * A runner whose config directory is {@code configDir} and whose environment is otherwise empty.
   */
  CliRunner(Path configDir) {
    this(Map.of("QUARGO_CONFIG_DIR", configDir.toString()));
  }

  CliRunner(Map<String, String> env) {
    this.env = env;
  }

  /** A runner logged in to {@code gateway} as admin by {@code quargo login} (config in a file). */
  static CliRunner loggedIn(Path configDir, GatewayStandIn gateway) {
    gateway.on("POST", "/api/v1/session", "{\"token\":\"t0k\"}");
    CliRunner cli = new CliRunner(configDir);
    Result login = cli.run("login", gateway.address(), "--username", "admin", "--password", "pw");
    if (login.exitCode() != Main.OK) {
      throw new AssertionError("quargo login failed: " + login);
    }
    return cli;
  }

  /** A runner that reaches {@code gateway} with a token from the environment, as scripts do. */
  static CliRunner withToken(Path configDir, GatewayStandIn gateway) {
    return new CliRunner(
        Map.of(
            "QUARGO_CONFIG_DIR", configDir.toString(),
            "QUARGO_SERVER", gateway.address(),
            "QUARGO_AUTH_TOKEN", "t"));
  }

  /** A runner that reaches {@code gateway} from the environment without a token. */
  static CliRunner withServer(Path configDir, GatewayStandIn gateway) {
    return new CliRunner(
        Map.of("QUARGO_CONFIG_DIR", configDir.toString(), "QUARGO_SERVER", gateway.address()));
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(env);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
