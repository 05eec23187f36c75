package io.quargo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code quargo app set NAME --revision ..}: changes fields of an application's spec. */
@Command(name = "set", description = "Set application fields (reads the app, then updates it).")
final class AppSetCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Mixin AppSpecOptions options;

  @Mixin AppSourceToolOptions tools;

  @Override
  public Integer call() {
    if (!options.any() && !tools.any()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "nothing to set: give at least one flag, e.g. --revision");
    }
    GatewayClient client = Main.of(spec).connection().client();
    ObjectNode app = (ObjectNode) client.get(AppCommand.path(name, ""));
    app.remove("status");
    app.remove("operation");
    options.applyTo(app, spec.commandLine());
    tools.applyTo(app, spec.commandLine());
    client.put(AppCommand.path(name, ""), app);
    return Main.OK;
  }
}
