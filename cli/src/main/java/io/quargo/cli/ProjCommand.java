package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quargo proj}: list, show, create and delete projects; {@code role} for their tokens. */
@Command(
    name = "proj",
    description = "Manage projects.",
    subcommands = {
      ProjCommand.List.class,
      ProjCommand.Get.class,
      ProjCommand.Create.class,
      ProjCommand.Delete.class,
      ProjEditCommands.Set.class,
      ProjEditCommands.AddSource.class,
      ProjEditCommands.RemoveSource.class,
      ProjEditCommands.AddDestination.class,
      ProjEditCommands.RemoveDestination.class,
      ProjRoleCommand.class
    })
final class ProjCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  static String path(String name) {
    return "/api/v1/projects/" + GatewayClient.segment(name);
  }

  /** {@code -d SERVER,NAMESPACE} flags as AppProject destinations; a malformed one is bad usage. */
  static ArrayNode destinations(java.util.List<String> flags, CommandLine commandLine) {
    ArrayNode array = OutputFormat.JSON_MAPPER.createArrayNode();
    for (String destination : flags) {
      String[] parts = destination.split(",", 2);
      if (parts.length != 2) {
        throw new CommandLine.ParameterException(
            commandLine,
            "--dest \""
                + destination
                + "\" is not SERVER,NAMESPACE (e.g. https://kubernetes.default.svc,default)");
      }
      array.addObject().put("server", parts[0]).put("namespace", parts[1]);
    }
    return array;
  }

  private static String destinations(JsonNode project) {
    java.util.List<String> out = new ArrayList<>();
    for (JsonNode d : project.path("spec").path("destinations")) {
      String server = d.path("server").asText(d.path("name").asText(""));
      out.add(server + "," + d.path("namespace").asText(""));
    }
    return out.isEmpty() ? "<none>" : String.join(" ", out);
  }

  private static String strings(JsonNode array) {
    java.util.List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out.isEmpty() ? "<none>" : String.join(",", out);
  }

  @Command(name = "list", description = "List projects.")
  static final class List implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-o", "--output"},
        converter = OutputFormat.OrName.class,
        description = "wide, name, yaml or json; a table when absent.")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
      JsonNode list = Main.of(spec).connection().client().get("/api/v1/projects");
      PrintWriter out = spec.commandLine().getOut();
      JsonNode items = list.path("items");
      if (format.printStructured(
          out, items.isArray() ? items : OutputFormat.JSON_MAPPER.createArrayNode())) {
        return Main.OK;
      }
      if (format == OutputFormat.NAME) {
        items.forEach(project -> out.println(text(project, "metadata.name")));
        return Main.OK;
      }
      OutputFormat.Table table =
          new OutputFormat.Table("NAME", "DESCRIPTION", "DESTINATIONS", "SOURCES");
      for (JsonNode project : items) {
        table.row(
            text(project, "metadata.name"),
            text(project, "spec.description"),
            destinations(project),
            strings(project.path("spec").path("sourceRepos")));
      }
      table.print(out);
      return Main.OK;
    }
  }

  @Command(name = "get", description = "Show a project.")
  static final class Get implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @CommandLine.Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode project = Main.of(spec).connection().client().get(path(name));
      PrintWriter out = spec.commandLine().getOut();
      if (output.printStructured(out, project)) {
        return Main.OK;
      }
      out.printf("%-28s%s%n", "Name:", text(project, "metadata.name"));
      out.printf("%-28s%s%n", "Description:", text(project, "spec.description"));
      out.printf("%-28s%s%n", "Destinations:", destinations(project));
      out.printf("%-28s%s%n", "Repositories:", strings(project.path("spec").path("sourceRepos")));
      java.util.List<String> roles = new ArrayList<>();
      project.path("spec").path("roles").forEach(r -> roles.add(r.path("name").asText()));
      out.printf("%-28s%s%n", "Roles:", roles.isEmpty() ? "<none>" : String.join(",", roles));
      return Main.OK;
    }
  }

  @Command(name = "create", description = "Create a project from flags or from a file.")
  static final class Create implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", arity = "0..1")
    String name;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "An AppProject in YAML or JSON.")
    Path file;

    @Option(
        names = {"-d", "--dest"},
        paramLabel = "SERVER,NAMESPACE",
        description = "A permitted destination (repeatable).")
    java.util.List<String> destinations = new ArrayList<>();

    @Option(
        names = {"-s", "--src"},
        paramLabel = "REPO",
        description = "A permitted source repository (repeatable).")
    java.util.List<String> sources = new ArrayList<>();

    @Option(names = "--description", description = "What the project is for.")
    String description;

    @Option(names = "--upsert", description = "Update the project if it exists.")
    boolean upsert;

    @Override
    public Integer call() {
      ObjectNode project = file == null ? OutputFormat.JSON_MAPPER.createObjectNode() : read();
      ObjectNode metadata = AppSpecOptions.object(project, "metadata");
      if (name != null) {
        metadata.put("name", name);
      }
      if (metadata.path("name").asText("").isBlank()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give the project's NAME, or -f FILE");
      }
      ObjectNode projectSpec = AppSpecOptions.object(project, "spec");
      if (description != null) {
        projectSpec.put("description", description);
      }
      if (!destinations.isEmpty()) {
        projectSpec.set("destinations", destinations(destinations, spec.commandLine()));
      }
      if (!sources.isEmpty()) {
        ArrayNode array = projectSpec.putArray("sourceRepos");
        sources.forEach(array::add);
      }
      ObjectNode body = OutputFormat.JSON_MAPPER.createObjectNode();
      body.set("project", project);
      body.put("upsert", upsert);
      Main.of(spec).connection().client().post("/api/v1/projects", body);
      spec.commandLine()
          .getOut()
          .println("project '" + metadata.path("name").asText() + "' created");
      return Main.OK;
    }

    private ObjectNode read() {
      try {
        JsonNode read = OutputFormat.YAML_MAPPER.readTree(Files.readString(file));
        if (read instanceof ObjectNode object
            && "AppProject".equals(object.path("kind").asText())) {
          return object;
        }
      } catch (IOException e) {
        throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
      }
      throw new CliException(file + " is not an AppProject (kind: AppProject) in YAML or JSON");
    }
  }

  @Command(name = "delete", description = "Delete projects.")
  static final class Delete implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "1..*")
    java.util.List<String> names;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      for (String name : names) {
        client.delete(path(name));
        spec.commandLine().getOut().println("project '" + name + "' deleted");
      }
      return Main.OK;
    }
  }
}
