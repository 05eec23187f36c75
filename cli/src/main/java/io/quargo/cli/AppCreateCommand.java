package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quargo app create NAME --repo .. --path ..} or {@code quargo app create -f app.yaml}. */
@Command(name = "create", description = "Create an application from flags or from a file.")
final class AppCreateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", arity = "0..1")
  String name;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "An Application in YAML or JSON; flags override its fields.")
  Path file;

  @Option(names = "--upsert", description = "Update the application if it exists.")
  boolean upsert;

  @Option(
      names = {"-l", "--label"},
      paramLabel = "KEY=VALUE",
      description = "A label for the app (repeatable), e.g. team=a.")
  java.util.List<String> labels = new java.util.ArrayList<>();

  @Option(
      names = "--annotations",
      paramLabel = "KEY=VALUE",
      description = "An annotation for the app (repeatable).")
  java.util.List<String> annotations = new java.util.ArrayList<>();

  @Mixin AppSpecOptions options;

  @Mixin AppSourceToolOptions tools;

  @Override
  public Integer call() {
    ObjectNode app = file == null ? fromFlags() : fromFile();
    options.applyTo(app, spec.commandLine());
    tools.applyTo(app, spec.commandLine());
    ObjectNode metadata = AppSpecOptions.object(app, "metadata");
    putPairs(metadata, "labels", labels, "--label");
    putPairs(metadata, "annotations", annotations, "--annotations");
    String appName = app.path("metadata").path("name").asText("");
    JsonNode created =
        Main.of(spec)
            .connection()
            .client()
            .post("/api/v1/applications" + (upsert ? "?upsert=true" : ""), app);
    String shown = created.path("metadata").path("name").asText(appName);
    spec.commandLine().getOut().println("application '" + shown + "' created");
    return Main.OK;
  }

  /** {@code KEY=VALUE} pairs into {@code metadata.field}; a pair without '=' is bad usage. */
  private void putPairs(
      ObjectNode metadata, String field, java.util.List<String> pairs, String flag) {
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), flag + " \"" + pair + "\" is not KEY=VALUE (e.g. team=a)");
      }
      AppSpecOptions.object(metadata, field)
          .put(pair.substring(0, equals), pair.substring(equals + 1));
    }
  }

  private ObjectNode fromFlags() {
    if (name == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give the application's NAME, or -f FILE");
    }
    if (options.repo == null || (options.destServer == null && options.destName == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "app create NAME needs --repo and --dest-server (or --dest-name)");
    }
    ObjectNode app = OutputFormat.JSON_MAPPER.createObjectNode();
    app.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Application");
    app.putObject("metadata").put("name", name);
    app.putObject("spec").put("project", "default");
    return app;
  }

  private ObjectNode fromFile() {
    JsonNode read;
    try {
      read = OutputFormat.YAML_MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!(read instanceof ObjectNode app) || !"Application".equals(app.path("kind").asText())) {
      throw new CliException(file + " is not an Application (kind: Application) in YAML or JSON");
    }
    if (name != null) {
      AppSpecOptions.object(app, "metadata").put("name", name);
    }
    return app;
  }
}
