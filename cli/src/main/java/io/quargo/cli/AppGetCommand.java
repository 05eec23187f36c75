package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo app get NAME [--refresh|--hard-refresh] [--show-operation] [--show-params] [-o
 * wide|tree|json|yaml]}: argocd's summary, then the resources as a list or as a tree.
 */
@Command(name = "get", description = "Show an application and its resources.")
final class AppGetCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.OrTree.class,
      description = "wide, tree, yaml or json; a table when absent.")
  OutputFormat format = OutputFormat.TABLE;

  @Option(names = "--refresh", description = "Refresh from Git first.")
  boolean refresh;

  @Option(names = "--hard-refresh", description = "Refresh from Git first, bypassing caches.")
  boolean hardRefresh;

  @Option(names = "--show-operation", description = "Show the last or running operation.")
  boolean showOperation;

  @Option(names = "--show-params", description = "Show the Helm parameters.")
  boolean showParams;

  @Override
  public Integer call() {
    GatewayClient client = Main.of(spec).connection().client();
    String query = hardRefresh ? "?refresh=hard" : refresh ? "?refresh=normal" : "";
    JsonNode app = client.get(AppCommand.path(name, query));
    PrintWriter out = spec.commandLine().getOut();
    if (format.printStructured(out, app)) {
      return Main.OK;
    }
    AppSummary.header(out, app, showOperation, showParams);
    out.println();
    if (format == OutputFormat.TREE) {
      AppTree.print(out, app, client.get(AppCommand.path(name, "/resource-tree")));
    } else {
      AppSummary.resources(out, app);
    }
    return Main.OK;
  }
}
