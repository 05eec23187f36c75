package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo app wait [NAME... | -l SELECTOR] [--sync] [--health] [--suspended] [--degraded]
 * [--operation] [--delete] [--timeout S]}: exits 0 once every app is there, 1 on time-out or when
 * one turns Degraded (unless --degraded is what it waits for). Without a flag it waits for Synced,
 * Healthy and no operation. The apps are waited for one after the other, each with the timeout.
 */
@Command(name = "wait", description = "Wait for applications to be Synced and Healthy.")
final class AppWaitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Apps, as NAME or NS/NAME.")
  java.util.List<String> names = new java.util.ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      description = "Wait for every app whose labels match.")
  String selector;

  @Option(names = "--delete", description = "Wait until the app is deleted.")
  boolean delete;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.OrTree.class,
      description = "How to print each app at the end: wide, tree, yaml or json.")
  OutputFormat format = OutputFormat.TABLE;

  @Option(names = "--sync", description = "Wait for Synced.")
  boolean sync;

  @Option(names = "--health", description = "Wait for Healthy (fails on Degraded).")
  boolean health;

  @Option(names = "--suspended", description = "Wait for Suspended (or Healthy, with --health).")
  boolean suspended;

  @Option(
      names = "--degraded",
      description = "Wait for Degraded (or Healthy, with --health); Degraded then is no failure.")
  boolean degraded;

  @Option(names = "--operation", description = "Wait for the running operation to finish.")
  boolean operation;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description = "Give up after this many seconds (0, the default: wait for ever).")
  long timeout;

  @Option(
      names = "--poll-interval",
      hidden = true,
      paramLabel = "MILLIS",
      defaultValue = "1000",
      description = "How often to ask the gateway.")
  long pollMillis;

  @Override
  public Integer call() {
    if (timeout < 0 || pollMillis <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--timeout must be >= 0 and --poll-interval > 0");
    }
    boolean all = !sync && !health && !operation && !suspended && !degraded;
    java.util.Set<String> healthStates = new java.util.HashSet<>();
    if (all || health) {
      healthStates.add("Healthy");
    }
    if (suspended) {
      healthStates.add("Suspended");
    }
    if (degraded) {
      healthStates.add("Degraded");
    }
    AppWaiter.Goal goal = new AppWaiter.Goal(all || sync, healthStates, all || operation);
    GatewayClient client = Main.of(spec).connection().client();
    java.util.List<String> apps =
        AppSelection.resolve(spec.commandLine(), client, names, selector, java.util.List.of());
    AppWaiter waiter = new AppWaiter(client, Duration.ofMillis(pollMillis));
    var out = spec.commandLine().getOut();
    for (String name : apps) {
      if (delete) {
        waiter.awaitDeleted(name, Duration.ofSeconds(timeout));
        out.println("application '" + name + "' deleted");
        continue;
      }
      JsonNode app = waiter.await(name, goal, Duration.ofSeconds(timeout));
      AppSummary.print(out, app, format, client);
    }
    return Main.OK;
  }
}
