package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * {@code quargo app sync [NAME... | -l SELECTOR | --project P]}: sends Argo's SyncRequest to each
 * app in turn (with its strategy and retries, see {@link AppSyncStrategyOptions}) and, unless
 * {@code --async}, waits for its operation; exits 1 unless every one Succeeded.
 */
@Command(name = "sync", description = "Sync applications to their target state.")
final class AppSyncCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Apps, as NAME or NS/NAME.")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      description = "Sync the apps whose labels match, e.g. app.kubernetes.io/instance=root.")
  String selector;

  @Option(names = "--project", description = "Sync the apps of this project (repeatable).")
  List<String> projects = new ArrayList<>();

  @Option(names = "--prune", description = "Delete objects that are no longer in Git.")
  boolean prune;

  @Option(names = "--dry-run", description = "Preview the sync without applying.")
  boolean dryRun;

  @Option(names = "--revision", description = "Sync to this revision instead of the target.")
  String revision;

  @Option(
      names = "--resource",
      paramLabel = "[!]GROUP:KIND:NAME",
      description =
          "Sync only these resources (repeatable); NAME may be NAMESPACE/NAME, a field may be *,"
              + " a leading ! excludes.")
  List<String> resources = new ArrayList<>();

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "Sync only the resources with this label (repeatable).")
  List<String> labels = new ArrayList<>();

  @Option(names = "--sync-option", description = "A sync option, e.g. ServerSideApply=true.")
  List<String> syncOptions = new ArrayList<>();

  @Option(names = "--apply-out-of-sync-only", description = "Apply only out-of-sync resources.")
  boolean applyOutOfSyncOnly;

  @Option(names = "--replace", description = "Replace (create/replace) instead of apply.")
  boolean replace;

  @Option(names = "--server-side", description = "Use server-side apply.")
  boolean serverSide;

  @CommandLine.Mixin AppSyncStrategyOptions strategy;

  @Option(
      names = "--preview-changes",
      description = "Show the diff first and ask before syncing (skipped when nothing differs).")
  boolean previewChanges;

  @Option(names = "--assumeYes", description = "Answer yes to the --preview-changes question.")
  boolean assumeYes;

  @Option(names = "--async", description = "Do not wait for the operation to finish.")
  boolean async;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description = "Give up waiting after this many seconds (0: wait for ever).")
  long timeout;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.OrTree.class,
      description = "How to print each synced app: wide, tree, yaml or json.")
  OutputFormat format = OutputFormat.TABLE;

  @Option(names = "--poll-interval", hidden = true, defaultValue = "1000")
  long pollMillis;

  @Override
  public Integer call() {
    List<SyncResourceFilter.Rule> rules = rules();
    GatewayClient client = Main.of(spec).connection().client();
    List<String> apps = AppSelection.resolve(spec.commandLine(), client, names, selector, projects);
    PrintWriter out = spec.commandLine().getOut();
    for (String name : apps) {
      ObjectNode request = request(client, name, rules);
      if (previewChanges && !confirmed(client, name, out)) {
        continue;
      }
      client.post(AppCommand.path(name, "/sync"), request);
      if (async) {
        out.println("application '" + name + "' sync requested");
        continue;
      }
      new AppWaiter(client, Duration.ofMillis(Math.max(1, pollMillis)))
          .awaitOperation(
              name,
              "sync",
              Duration.ofSeconds(timeout),
              app -> AppSummary.print(out, app, format, client));
    }
    return Main.OK;
  }

  private List<SyncResourceFilter.Rule> rules() {
    List<SyncResourceFilter.Rule> rules = new ArrayList<>();
    try {
      resources.forEach(r -> rules.add(SyncResourceFilter.Rule.parse(r)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return rules;
  }

  /** Argo's ApplicationSyncRequest for one app, its resources chosen by --resource and --label. */
  private ObjectNode request(
      GatewayClient client, String name, List<SyncResourceFilter.Rule> rules) {
    ObjectNode request = OutputFormat.JSON_MAPPER.createObjectNode();
    if (revision != null) {
      request.put("revision", revision);
    }
    request.put("prune", prune).put("dryRun", dryRun);
    List<SyncResourceFilter.Rule> all = new ArrayList<>(rules);
    if (!labels.isEmpty()) {
      JsonNode managed = client.get(AppCommand.path(name, "/managed-resources"));
      List<SyncResourceFilter.Rule> labelled;
      try {
        labelled = SyncResourceFilter.byLabels(managed, labels);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (labelled.isEmpty() && rules.isEmpty()) {
        throw new CliException(
            "no resources of application '" + name + "' have the labels " + labels);
      }
      all.addAll(labelled);
    }
    if (!all.isEmpty()) {
      JsonNode app = client.get(AppCommand.path(name, ""));
      List<JsonNode> selected =
          SyncResourceFilter.select(app.path("status").path("resources"), all);
      if (selected.isEmpty()) {
        throw new CliException(
            "no resources of application '"
                + name
                + "' match "
                + String.join(", ", resources)
                + (labels.isEmpty() ? "" : " " + labels));
      }
      request.set("resources", SyncResourceFilter.request(selected));
    }
    List<String> options = new ArrayList<>(syncOptions);
    if (replace) {
      options.add("Replace=true");
    }
    if (serverSide) {
      options.add("ServerSideApply=true");
    }
    if (applyOutOfSyncOnly) {
      options.add("ApplyOutOfSyncOnly=true");
    }
    if (!options.isEmpty()) {
      ArrayNode items = request.putObject("syncOptions").putArray("items");
      options.forEach(items::add);
    }
    strategy.addTo(request, spec.commandLine());
    return request;
  }

  /**
   * Prints the app's diff, as argocd's --preview-changes does; true when the sync should go on:
   * something differs and the user said yes (or --assumeYes).
   */
  private boolean confirmed(GatewayClient client, String name, PrintWriter out) {
    out.println(
        "====== Previewing differences between live and desired state of application "
            + name
            + " ======");
    if (!AppDiffCommand.printDiff(client, name, out)) {
      out.println("====== No Differences found ======");
      return false;
    }
    if (assumeYes) {
      return true;
    }
    Console console = System.console();
    if (console == null) {
      throw new CliException(
          "no console to confirm the sync of '" + name + "': pass --assumeYes to sync anyway");
    }
    out.flush();
    String answer =
        console.readLine(
            "Please review changes to application %s shown above. Do you want to continue the"
                + " sync process? (y/n): ",
            name);
    return answer != null && answer.strip().equalsIgnoreCase("y");
  }
}
