package io.quargo.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code quargo} command line: a client of the api-gateway, in the manner of {@code argocd}.
 */
@Command(
    name = "quargo",
    // every subcommand takes -h/--help, as argocd's do
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.class,
    description = "Quargo: GitOps and progressive delivery on the JVM.",
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      AccountCommand.class,
      AppCommand.class,
      ProjCommand.class,
      RepoCommand.class,
      ClusterCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit codes that mean something to scripts, as the issue tracker and argocd agree on. */
  public static final int OK = 0;

  public static final int FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--server",
      scope = ScopeType.INHERIT,
      paramLabel = "HOST:PORT",
      description = "The api-gateway's address (env QUARGO_SERVER; default: the logged-in one).")
  String server;

  @Option(
      names = "--auth-token",
      scope = ScopeType.INHERIT,
      paramLabel = "TOKEN",
      description = "A bearer token (env QUARGO_AUTH_TOKEN; default: the one stored by login).")
  String authToken;

  @Option(
      names = "--plaintext",
      scope = ScopeType.INHERIT,
      description = "Use http instead of https (the default for localhost).")
  boolean plaintext;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "The CLI's config file (default: ~/.config/quargo/config).")
  java.nio.file.Path configFile;

  private final Map<String, String> env;

  private Main(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Where the gateway is and which token to send, from the flags, the environment and login. */
  Connection connection() {
    ConfigStore config = configFile != null ? ConfigStore.at(configFile) : ConfigStore.from(env);
    return new Connection(config, env, server, authToken, plaintext);
  }

  /** A variable of the environment this command line was built with, or null. */
  String env(String name) {
    return env.get(name);
  }

  /** The {@link Main} at the root of the command that {@code spec} belongs to. */
  static Main of(CommandLine.Model.CommandSpec spec) {
    return (Main) spec.root().userObject();
  }

  /** Builds the command line with the exit codes of this CLI, reading the process environment. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * Builds the command line with the exit codes of this CLI; {@code env} stands for the process
   * environment ({@code QUARGO_SERVER}, {@code QUARGO_AUTH_TOKEN}, {@code QUARGO_CONFIG_DIR}).
   */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine commandLine = new CommandLine(new Main(Map.copyOf(env)));
    commandLine.setExitCodeExceptionMapper(e -> FAILED);
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
          cmd.usage(cmd.getErr());
          return USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof GatewayException problem) {
            problem.print(cmd.getErr());
          } else if (e instanceof CliException failure) {
            cmd.getErr().println("error: " + failure.getMessage());
          } else {
            throw e;
          }
          cmd.getErr().flush();
          return FAILED;
        });
    return commandLine;
  }

  public static void main(String[] args) {
    CommandLine commandLine = commandLine();
    int exitCode = commandLine.execute(args);
    // picocli's writers flush on println only: what a command print()ed last must not be lost
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(exitCode);
  }
}
