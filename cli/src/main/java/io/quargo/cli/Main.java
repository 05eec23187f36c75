package io.quargo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code quargo} command line: a client of the api-gateway, in the manner of {@code argocd}.
 */
@Command(
    name = "quargo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.class,
    description = "Quargo: GitOps and progressive delivery on the JVM.",
    subcommands = {VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit codes that mean something to scripts, as the issue tracker and argocd agree on. */
  public static final int OK = 0;

  public static final int FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Builds the command line with the exit codes of this CLI. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExitCodeExceptionMapper(e -> FAILED);
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
          cmd.usage(cmd.getErr());
          return USAGE;
        });
    return commandLine;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
