package io.quargo.devstack.stack;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The local stack's command line ({@code ./quargo up|down|status|logs}): one command starts
 * PostgreSQL, Kafka, the sandbox cluster, the Git server with the demo repository, and every
 * service.
 */
@Command(
    name = "quargo",
    mixinStandardHelpOptions = true,
    description = "The Quargo local stack.",
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class})
public final class QuargoStack implements Callable<Integer> {
  static {
    // in-process parts (embedded PostgreSQL, the sandbox) log through slf4j-simple: warnings only
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    // the sandbox's Vert.x warns about event-loop pauses that a busy laptop makes harmless
    System.setProperty("org.slf4j.simpleLogger.log.io.vertx", "error");
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 2;
  }

  /** Runs a subcommand and exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new QuargoStack()).execute(args));
  }
}
