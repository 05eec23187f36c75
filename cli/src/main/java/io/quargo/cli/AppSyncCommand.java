package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * {@code quargo app sync NAME [--prune] [--dry-run] [--revision R] [--resource G:K:N]}: sends
 * Argo's SyncRequest and, unless {@code --async}, waits for the operation's outcome.
 */
@Command(name = "sync", description = "Sync an application to its target state.")
final class AppSyncCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--prune", description = "Delete objects that are no longer in Git.")
  boolean prune;

  @Option(names = "--dry-run", description = "Preview the sync without applying.")
  boolean dryRun;

  @Option(names = "--revision", description = "Sync to this revision instead of the target.")
  String revision;

  @Option(
      names = "--resource",
      paramLabel = "GROUP:KIND:NAME",
      description = "Sync only this resource (repeatable); NAME may be NAMESPACE/NAME.")
  List<String> resources = new ArrayList<>();

  @Option(names = "--sync-option", description = "A sync option, e.g. ServerSideApply=true.")
  List<String> syncOptions = new ArrayList<>();

  @Option(names = "--async", description = "Do not wait for the operation to finish.")
  boolean async;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description = "Give up waiting after this many seconds (0: wait for ever).")
  long timeout;

  @Option(names = "--poll-interval", hidden = true, defaultValue = "1000")
  long pollMillis;

  @Override
  public Integer call() {
    ObjectNode request = OutputFormat.JSON_MAPPER.createObjectNode();
    if (revision != null) {
      request.put("revision", revision);
    }
    request.put("prune", prune).put("dryRun", dryRun);
    if (!resources.isEmpty()) {
      ArrayNode selected = request.putArray("resources");
      resources.forEach(r -> selected.add(resource(r)));
    }
    if (!syncOptions.isEmpty()) {
      ArrayNode items = request.putObject("syncOptions").putArray("items");
      syncOptions.forEach(items::add);
    }
    GatewayClient client = Main.of(spec).connection().client();
    client.post(AppCommand.path(name, "/sync"), request);
    PrintWriter out = spec.commandLine().getOut();
    if (async) {
      out.println("application '" + name + "' sync requested");
      return Main.OK;
    }
    JsonNode app =
        new AppWaiter(client, Duration.ofMillis(Math.max(1, pollMillis)))
            .awaitOperation(name, "sync", Duration.ofSeconds(timeout), out);
    return Main.OK;
  }

  /** {@code GROUP:KIND:NAME} or {@code GROUP:KIND:NAMESPACE/NAME} (GROUP empty for core). */
  private ObjectNode resource(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--resource \""
              + text
              + "\" is not GROUP:KIND:NAME (e.g. apps:Deployment:guestbook-ui, :Service:web)");
    }
    ObjectNode resource = OutputFormat.JSON_MAPPER.createObjectNode();
    resource.put("group", parts[0]).put("kind", parts[1]);
    int slash = parts[2].indexOf('/');
    if (slash >= 0) {
      resource.put("namespace", parts[2].substring(0, slash));
      resource.put("name", parts[2].substring(slash + 1));
    } else {
      resource.put("name", parts[2]);
    }
    return resource;
  }
}
