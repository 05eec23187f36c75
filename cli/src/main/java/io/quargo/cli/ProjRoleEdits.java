package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code quargo proj role} commands that read or change a project's {@code spec.roles}: they
 * read the project, change the role, and write the project back (Argo's ProjectUpdateRequest), as
 * argocd does. Policies are Casbin lines {@code p, proj:PROJ:ROLE, RESOURCE, ACTION, PROJ/OBJECT,
 * allow|deny}.
 */
final class ProjRoleEdits {
  private ProjRoleEdits() {}

  /** The positional PROJECT and ROLE every role command takes. */
  static class ProjectAndRole {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "1", paramLabel = "ROLE")
    String role;

    GatewayClient client() {
      return Main.of(spec).connection().client();
    }

    ObjectNode read(GatewayClient client) {
      JsonNode found = client.get(ProjCommand.path(project));
      if (!(found instanceof ObjectNode object)) {
        throw new CliException("the gateway answered project '" + project + "' without a body");
      }
      return object;
    }

    /** The role's object in {@code project}, or a failure naming the project's roles. */
    ObjectNode role(ObjectNode projectObject) {
      for (JsonNode candidate : projectObject.path("spec").path("roles")) {
        if (role.equals(candidate.path("name").asText()) && candidate instanceof ObjectNode r) {
          return r;
        }
      }
      throw new CliException("project '" + project + "' has no role '" + role + "'");
    }

    /** Reads the project, lets {@code change} edit the role, writes the project back. */
    void edit(BiConsumer<ObjectNode, ObjectNode> change, String done) {
      GatewayClient client = client();
      ObjectNode projectObject = read(client);
      change.accept(projectObject, role(projectObject));
      write(client, projectObject);
      spec.commandLine().getOut().println(done);
    }

    void write(GatewayClient client, ObjectNode projectObject) {
      ObjectNode body = OutputFormat.JSON_MAPPER.createObjectNode();
      body.set("project", projectObject);
      client.put(ProjCommand.path(project), body);
    }

    static ArrayNode array(ObjectNode parent, String field) {
      if (!parent.path(field).isArray()) {
        return parent.putArray(field);
      }
      return (ArrayNode) parent.get(field);
    }

    /** Removes the text items equal to {@code value}; whether any was there. */
    static boolean remove(ArrayNode array, String value) {
      boolean removed = false;
      for (int i = array.size() - 1; i >= 0; i--) {
        if (array.get(i).asText().equals(value)) {
          array.remove(i);
          removed = true;
        }
      }
      return removed;
    }
  }

  @Command(name = "list", description = "List a project's roles.")
  static final class List implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    @CommandLine.Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode found = Main.of(spec).connection().client().get(ProjCommand.path(project));
      JsonNode roles = found.path("spec").path("roles");
      PrintWriter out = spec.commandLine().getOut();
      if (output.printStructured(
          out, roles.isArray() ? roles : OutputFormat.JSON_MAPPER.createArrayNode())) {
        return Main.OK;
      }
      OutputFormat.Table table = new OutputFormat.Table("ROLE-NAME", "DESCRIPTION");
      roles.forEach(r -> table.row(r.path("name").asText(), r.path("description").asText("")));
      table.print(out);
      return Main.OK;
    }
  }

  @Command(name = "get", description = "Show a project role: its policies, groups and tokens.")
  static final class Get extends ProjectAndRole implements Callable<Integer> {
    @CommandLine.Mixin OutputOption output;

    @Override
    public Integer call() {
      ObjectNode found = role(read(client()));
      PrintWriter out = spec.commandLine().getOut();
      if (output.printStructured(out, found)) {
        return Main.OK;
      }
      out.printf("%-20s%s%n", "Role Name:", role);
      out.printf("%-20s%s%n", "Description:", found.path("description").asText(""));
      out.println("Policies:");
      found.path("policies").forEach(p -> out.println(p.asText()));
      java.util.List<String> groups = new java.util.ArrayList<>();
      found.path("groups").forEach(g -> groups.add(g.asText()));
      out.printf("%-20s%s%n", "Groups:", groups.isEmpty() ? "<none>" : String.join(",", groups));
      out.println("JWT Tokens:");
      OutputFormat.Table table = new OutputFormat.Table("ID", "ISSUED-AT", "EXPIRES-AT");
      for (JsonNode token : found.path("jwtTokens")) {
        long exp = token.path("exp").asLong(0);
        table.row(
            token.path("id").asText(token.path("iat").asText()),
            java.time.Instant.ofEpochSecond(token.path("iat").asLong()),
            exp == 0 ? "<none>" : java.time.Instant.ofEpochSecond(exp));
      }
      table.print(out);
      return Main.OK;
    }
  }

  @Command(name = "create", description = "Create a project role.")
  static final class Create extends ProjectAndRole implements Callable<Integer> {
    @Option(names = "--description", description = "What the role is for.")
    String description;

    @Override
    public Integer call() {
      GatewayClient client = client();
      ObjectNode projectObject = read(client);
      ArrayNode roles = array(AppSpecOptions.object(projectObject, "spec"), "roles");
      for (JsonNode existing : roles) {
        if (role.equals(existing.path("name").asText())) {
          throw new CliException("project '" + project + "' already has a role '" + role + "'");
        }
      }
      ObjectNode created = roles.addObject().put("name", role);
      if (description != null) {
        created.put("description", description);
      }
      write(client, projectObject);
      spec.commandLine().getOut().println("Role '" + role + "' created");
      return Main.OK;
    }
  }

  @Command(name = "delete", description = "Delete a project role.")
  static final class Delete extends ProjectAndRole implements Callable<Integer> {
    @Override
    public Integer call() {
      edit(
          (projectObject, found) -> {
            ArrayNode roles = (ArrayNode) projectObject.path("spec").path("roles");
            for (int i = roles.size() - 1; i >= 0; i--) {
              if (roles.get(i) == found) {
                roles.remove(i);
              }
            }
          },
          "Role '" + role + "' deleted");
      return Main.OK;
    }
  }

  /** The policy flags of {@code add-policy} and {@code remove-policy}, with argocd's names. */
  abstract static class PolicyCommand extends ProjectAndRole {
    @Option(
        names = {"-a", "--action"},
        required = true,
        description = "The action: get, create, update, delete, sync, override, action/...")
    String action;

    @Option(
        names = {"-o", "--object"},
        defaultValue = "*",
        description = "The application (or other object) in the project; * for all.")
    String object;

    @Option(
        names = {"-p", "--permission"},
        defaultValue = "allow",
        description = "allow or deny.")
    String permission;

    @Option(
        names = {"-r", "--resource"},
        defaultValue = "applications",
        description = "The resource: applications, applicationsets, repositories, clusters, logs.")
    String resource;

    String policy() {
      if (!permission.equals("allow") && !permission.equals("deny")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--permission \"" + permission + "\" is unknown; use allow or deny");
      }
      return "p, proj:%s:%s, %s, %s, %s/%s, %s"
          .formatted(project, role, resource, action, project, object, permission);
    }
  }

  @Command(name = "add-policy", description = "Add a policy to a project role.")
  static final class AddPolicy extends PolicyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      String policy = policy();
      edit(
          (projectObject, found) -> {
            ArrayNode policies = array(found, "policies");
            remove(policies, policy);
            policies.add(policy);
          },
          "Policy added to role '" + role + "': " + policy);
      return Main.OK;
    }
  }

  @Command(name = "remove-policy", description = "Remove a policy from a project role.")
  static final class RemovePolicy extends PolicyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      String policy = policy();
      edit(
          (projectObject, found) -> {
            if (!remove(array(found, "policies"), policy)) {
              throw new CliException("role '" + role + "' has no policy \"" + policy + "\"");
            }
          },
          "Policy removed from role '" + role + "': " + policy);
      return Main.OK;
    }
  }

  @Command(name = "add-group", description = "Bind an SSO group to a project role.")
  static final class AddGroup extends ProjectAndRole implements Callable<Integer> {
    @Parameters(index = "2", paramLabel = "GROUP")
    String group;

    @Override
    public Integer call() {
      edit(
          (projectObject, found) -> {
            ArrayNode groups = array(found, "groups");
            remove(groups, group);
            groups.add(group);
          },
          "Group '" + group + "' added to role '" + role + "'");
      return Main.OK;
    }
  }

  @Command(name = "remove-group", description = "Unbind an SSO group from a project role.")
  static final class RemoveGroup extends ProjectAndRole implements Callable<Integer> {
    @Parameters(index = "2", paramLabel = "GROUP")
    String group;

    @Override
    public Integer call() {
      edit(
          (projectObject, found) -> {
            if (!remove(array(found, "groups"), group)) {
              throw new CliException("role '" + role + "' has no group '" + group + "'");
            }
          },
          "Group '" + group + "' removed from role '" + role + "'");
      return Main.OK;
    }
  }
}
