package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo app patch-resource APP --kind K --resource-name N --patch '...'}, as argocd's:
 * patches a live resource of the app (Argo's PatchResource, the patch sent as a JSON string).
 */
@Command(name = "patch-resource", description = "Patch a resource of an application.")
final class AppPatchResourceCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "APP")
  String app;

  @Mixin AppResourceTarget target;

  @Option(names = "--patch", required = true, description = "The patch, as JSON.")
  String patch;

  @Option(
      names = "--patch-type",
      defaultValue = "application/merge-patch+json",
      description =
          "application/merge-patch+json (default), application/json-patch+json or"
              + " application/strategic-merge-patch+json.")
  String patchType;

  @Override
  public Integer call() {
    GatewayClient client = Main.of(spec).connection().client();
    for (JsonNode node : target.nodes(client, app)) {
      String path = AppResourceTarget.path(node, Map.of("patchType", patchType));
      client.post(AppCommand.path(app, path), patch);
      spec.commandLine().getOut().println("Resource '" + node.path("name").asText() + "' patched");
    }
    return Main.OK;
  }
}
