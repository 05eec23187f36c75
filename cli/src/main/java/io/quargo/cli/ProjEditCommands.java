package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * argocd's project edits: {@code proj add-source|remove-source|add-destination|remove-destination|
 * set}. Each reads the project, changes it and writes it back with Argo's ProjectUpdateRequest
 * ({@code PUT /api/v1/projects/NAME {"project": ...}}).
 */
final class ProjEditCommands {
  private ProjEditCommands() {}

  /** A command that changes one project. */
  abstract static class Edit implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    /** Changes {@code projectSpec}; false when there is nothing to write (already so). */
    abstract boolean edit(ObjectNode projectSpec);

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      ObjectNode read = (ObjectNode) client.get(ProjCommand.path(project));
      if (edit(AppSpecOptions.object(read, "spec"))) {
        ObjectNode body = OutputFormat.JSON_MAPPER.createObjectNode();
        body.set("project", read);
        client.put(ProjCommand.path(project), body);
      }
      return Main.OK;
    }

    void say(String line) {
      spec.commandLine().getOut().println(line);
    }

    static ArrayNode array(ObjectNode parent, String field) {
      return ProjRoleEdits.ProjectAndRole.array(parent, field);
    }
  }

  @Command(name = "add-source", description = "Allow a source repository (URL, or * for all).")
  static final class AddSource extends Edit {
    @Parameters(index = "1", paramLabel = "URL")
    String url;

    @Override
    boolean edit(ObjectNode projectSpec) {
      ArrayNode repos = array(projectSpec, "sourceRepos");
      for (JsonNode repo : repos) {
        if (repo.asText().equals("*") || repo.asText().equals(url)) {
          say("Source repository '" + repo.asText() + "' already allowed in project");
          return false;
        }
      }
      repos.add(url);
      return true;
    }
  }

  @Command(name = "remove-source", description = "Stop allowing a source repository.")
  static final class RemoveSource extends Edit {
    @Parameters(index = "1", paramLabel = "URL")
    String url;

    @Override
    boolean edit(ObjectNode projectSpec) {
      if (!ProjRoleEdits.ProjectAndRole.remove(array(projectSpec, "sourceRepos"), url)) {
        say("Source repository '" + url + "' does not exist in project");
        return false;
      }
      return true;
    }
  }

  @Command(
      name = "add-destination",
      description = "Allow a destination: the cluster's server URL (or --name) and a namespace.")
  static final class AddDestination extends Edit {
    @Parameters(index = "1", paramLabel = "SERVER")
    String server;

    @Parameters(index = "2", paramLabel = "NAMESPACE")
    String namespace;

    @Option(names = "--name", description = "SERVER is a cluster's name, not its URL.")
    boolean byName;

    @Override
    boolean edit(ObjectNode projectSpec) {
      ArrayNode destinations = array(projectSpec, "destinations");
      String field = byName ? "name" : "server";
      if (indexOf(destinations, field, server, namespace) >= 0) {
        throw new CliException(
            "destination "
                + server
                + ","
                + namespace
                + " is already defined in project '"
                + project
                + "'");
      }
      destinations.addObject().put(field, server).put("namespace", namespace);
      return true;
    }
  }

  @Command(name = "remove-destination", description = "Stop allowing a destination.")
  static final class RemoveDestination extends Edit {
    @Parameters(index = "1", paramLabel = "SERVER")
    String server;

    @Parameters(index = "2", paramLabel = "NAMESPACE")
    String namespace;

    @Override
    boolean edit(ObjectNode projectSpec) {
      ArrayNode destinations = array(projectSpec, "destinations");
      int index = indexOf(destinations, "server", server, namespace);
      if (index < 0) {
        index = indexOf(destinations, "name", server, namespace);
      }
      if (index < 0) {
        throw new CliException(
            "destination "
                + server
                + ","
                + namespace
                + " does not exist in project '"
                + project
                + "'");
      }
      destinations.remove(index);
      return true;
    }
  }

  /** As argocd's {@code proj set}: the lists given replace the project's. */
  @Command(name = "set", description = "Set project fields; the lists given replace the old ones.")
  static final class Set extends Edit {
    @Option(names = "--description", description = "What the project is for.")
    String description;

    @Option(
        names = {"-d", "--dest"},
        paramLabel = "SERVER,NAMESPACE",
        description = "A permitted destination (repeatable; replaces the list).")
    List<String> destinations = new ArrayList<>();

    @Option(
        names = {"-s", "--src"},
        paramLabel = "REPO",
        description = "A permitted source repository (repeatable; replaces the list).")
    List<String> sources = new ArrayList<>();

    @Override
    boolean edit(ObjectNode projectSpec) {
      if (description == null && destinations.isEmpty() && sources.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "nothing to set: give --description, -d or -s");
      }
      if (description != null) {
        projectSpec.put("description", description);
      }
      if (!destinations.isEmpty()) {
        projectSpec.set("destinations", ProjCommand.destinations(destinations, spec.commandLine()));
      }
      if (!sources.isEmpty()) {
        ArrayNode repos = projectSpec.putArray("sourceRepos");
        sources.forEach(repos::add);
      }
      return true;
    }
  }

  private static int indexOf(ArrayNode destinations, String field, String value, String namespace) {
    for (int i = 0; i < destinations.size(); i++) {
      JsonNode destination = destinations.get(i);
      if (value.equals(destination.path(field).asText(null))
          && namespace.equals(destination.path("namespace").asText(""))) {
        return i;
      }
    }
    return -1;
  }
}
