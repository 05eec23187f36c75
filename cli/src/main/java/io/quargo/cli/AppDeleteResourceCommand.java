package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo app delete-resource APP --kind K --resource-name N [--force] [--orphan]}, as
 * argocd's: deletes a live resource of the app (Argo's DeleteResource); {@code --orphan} leaves its
 * dependents, {@code --force} deletes it at once.
 */
@Command(name = "delete-resource", description = "Delete a resource of an application.")
final class AppDeleteResourceCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "APP")
  String app;

  @Mixin AppResourceTarget target;

  @Option(
      names = "--force",
      description = "Delete at once (no grace period), the dependents in the background.")
  boolean force;

  @Option(names = "--orphan", description = "Leave the resource's dependents behind.")
  boolean orphan;

  @Override
  public Integer call() {
    GatewayClient client = Main.of(spec).connection().client();
    Map<String, String> flags = new HashMap<>();
    if (force) {
      flags.put("force", "true");
    }
    if (orphan) {
      flags.put("orphan", "true");
    }
    for (JsonNode node : target.nodes(client, app)) {
      client.delete(AppCommand.path(app, AppResourceTarget.path(node, flags)));
      spec.commandLine().getOut().println("Resource '" + node.path("name").asText() + "' deleted");
    }
    return Main.OK;
  }
}
