package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quargo app manifests NAME [--source git|live]}: the desired or live objects as YAML. */
@Command(name = "manifests", description = "Print an application's manifests (desired or live).")
final class AppManifestsCommand implements Callable<Integer> {
  /** Where the manifests come from, as argocd's {@code --source}. */
  enum Source {
    GIT,
    LIVE
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(
      names = "--source",
      defaultValue = "git",
      converter = SourceConverter.class,
      description = "git (the desired state, default) or live.")
  Source source;

  @Override
  public Integer call() {
    JsonNode resources =
        Main.of(spec).connection().client().get(AppCommand.path(name, "/managed-resources"));
    PrintWriter out = spec.commandLine().getOut();
    String field = source == Source.GIT ? "targetState" : "liveState";
    boolean first = true;
    for (JsonNode resource : resources.path("items")) {
      JsonNode object = AppDiffCommand.state(resource, field);
      if (object == null) {
        continue;
      }
      if (!first) {
        out.println("---");
      }
      first = false;
      out.print(OutputFormat.yaml(object));
    }
    return Main.OK;
  }

  /** {@code git} or {@code live}; anything else is a usage error. */
  static final class SourceConverter implements CommandLine.ITypeConverter<Source> {
    @Override
    public Source convert(String value) {
      try {
        return Source.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "unknown source \"" + value + "\"; use git or live");
      }
    }
  }
}
