package io.quargo.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo app delete [NAME... | -l SELECTOR] [--cascade=false] [-p foreground|background]
 * [-y] [--wait]}: asks first when a terminal is attached (unless {@code -y}), as argocd does.
 */
@Command(name = "delete", description = "Delete applications (and, by default, their objects).")
final class AppDeleteCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Apps, as NAME or NS/NAME.")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      description = "Delete every app whose labels match.")
  String selector;

  @Option(
      names = "--cascade",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Delete the app's live objects too (default true).")
  boolean cascade;

  @Option(
      names = {"-p", "--propagation-policy"},
      paramLabel = "POLICY",
      description = "How the live objects are deleted: foreground (default) or background.")
  String propagationPolicy;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  @Option(names = "--wait", description = "Wait until each app is gone.")
  boolean await;

  @Option(names = "--poll-interval", hidden = true, defaultValue = "1000")
  long pollMillis;

  @Override
  public Integer call() {
    if (propagationPolicy != null
        && !propagationPolicy.equals("foreground")
        && !propagationPolicy.equals("background")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--propagation-policy \""
              + propagationPolicy
              + "\" is unknown; use foreground or background");
    }
    GatewayClient client = Main.of(spec).connection().client();
    List<String> apps =
        AppSelection.resolve(spec.commandLine(), client, names, selector, List.of());
    PrintWriter out = spec.commandLine().getOut();
    String query =
        "?cascade="
            + cascade
            + (propagationPolicy == null ? "" : "&propagationPolicy=" + propagationPolicy);
    for (String name : apps) {
      if (!yes && !confirmed(name)) {
        out.println("The command to delete '" + name + "' was cancelled.");
        continue;
      }
      client.delete(AppCommand.path(name, query));
      out.println("application '" + name + "' deleted");
      if (await) {
        new AppWaiter(client, Duration.ofMillis(Math.max(1, pollMillis)))
            .awaitDeleted(name, Duration.ZERO);
      }
    }
    return Main.OK;
  }

  /** Asks on the terminal; with none attached (a script), there is nobody to ask: yes. */
  private boolean confirmed(String name) {
    Console console = System.console();
    if (console == null) {
      return true;
    }
    String what = cascade ? "'" + name + "' and all its resources" : "'" + name + "'";
    String answer = console.readLine("Are you sure you want to delete %s? [y/n] ", what);
    return answer != null && answer.strip().equalsIgnoreCase("y");
  }
}
