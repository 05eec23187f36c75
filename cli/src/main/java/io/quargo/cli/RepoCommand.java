package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo repo add|list|get|rm}: the repositories (and their credentials) the suite may read,
 * as Argo CD's {@code Repository} objects under {@code /api/v1/repositories}.
 */
@Command(
    name = "repo",
    description = "Manage repository connection parameters.",
    subcommands = {
      RepoCommand.Add.class,
      RepoCommand.List.class,
      RepoCommand.Get.class,
      RepoCommand.Remove.class
    })
final class RepoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  static String path(String repo) {
    return "/api/v1/repositories/" + GatewayClient.segment(repo);
  }

  /** Whether a listed repository carries credentials (the gateway never returns the secrets). */
  static boolean hasCredentials(JsonNode repo) {
    for (String field :
        java.util.List.of(
            "username", "password", "sshPrivateKey", "tlsClientCertData", "githubAppID")) {
      if (!text(repo, field).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Argo's {@code argocd repo list} columns. */
  static void printTable(PrintWriter out, Iterable<JsonNode> repos) {
    OutputFormat.Table table =
        new OutputFormat.Table(
            "TYPE",
            "NAME",
            "REPO",
            "INSECURE",
            "OCI",
            "LFS",
            "CREDS",
            "STATUS",
            "MESSAGE",
            "PROJECT");
    for (JsonNode repo : repos) {
      String type = text(repo, "type");
      boolean insecure =
          repo.path("insecure").asBoolean() || repo.path("insecureIgnoreHostKey").asBoolean();
      table.row(
          type.isEmpty() ? "git" : type,
          text(repo, "name"),
          text(repo, "repo"),
          insecure,
          repo.path("enableOCI").asBoolean(),
          repo.path("enableLfs").asBoolean(),
          repo.path("inheritedCreds").asBoolean() ? "inherited" : hasCredentials(repo),
          text(repo, "connectionState.status"),
          text(repo, "connectionState.message"),
          text(repo, "project"));
    }
    table.print(out);
  }

  @Command(name = "add", description = "Add a repository (Git or Helm) and its credentials.")
  static final class Add implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPOURL")
    String repo;

    @Option(names = "--type", description = "git (the default) or helm.")
    String type = "git";

    @Option(names = "--name", description = "A name for the repository (required for helm).")
    String name;

    @Option(names = "--project", description = "Scope the repository to this project.")
    String project;

    @Option(names = "--username", description = "The username for the repository.")
    String username;

    @Option(names = "--password", description = "Its password (prompted for when absent).")
    String password;

    @Option(
        names = "--ssh-private-key-path",
        paramLabel = "FILE",
        description = "A private SSH key (e.g. ~/.ssh/id_ed25519).")
    Path sshPrivateKeyPath;

    @Option(
        names = "--insecure-skip-server-verification",
        description = "Trust the server's TLS certificate (or SSH host key) without checking it.")
    boolean insecureSkipServerVerification;

    @Option(
        names = "--insecure-ignore-host-key",
        hidden = true,
        description = "Deprecated argocd spelling of --insecure-skip-server-verification for SSH.")
    boolean insecureIgnoreHostKey;

    @Option(names = "--enable-lfs", description = "Fetch Git LFS objects.")
    boolean enableLfs;

    @Option(names = "--upsert", description = "Replace the repository if it exists.")
    boolean upsert;

    @Override
    public Integer call() {
      CommandLine commandLine = spec.commandLine();
      if (!type.equals("git") && !type.equals("helm")) {
        throw new CommandLine.ParameterException(
            commandLine, "--type \"" + type + "\" is unknown; use git or helm");
      }
      if (type.equals("helm") && (name == null || name.isBlank())) {
        throw new CommandLine.ParameterException(
            commandLine, "a helm repository needs --name (the name charts refer to it by)");
      }
      if (password != null && username == null) {
        throw new CommandLine.ParameterException(commandLine, "--password needs --username");
      }
      if (sshPrivateKeyPath != null && (username != null || type.equals("helm"))) {
        throw new CommandLine.ParameterException(
            commandLine,
            "--ssh-private-key-path is for git repositories over SSH, not with --username");
      }
      ObjectNode body = OutputFormat.JSON_MAPPER.createObjectNode();
      body.put("repo", repo).put("type", type);
      putIf(body, "name", name);
      putIf(body, "project", project);
      if (username != null) {
        body.put("username", username);
        body.put("password", password != null ? password : promptPassword());
      }
      if (sshPrivateKeyPath != null) {
        body.put("sshPrivateKey", read(sshPrivateKeyPath));
      }
      if (insecureSkipServerVerification) {
        body.put("insecure", true);
      }
      if (insecureIgnoreHostKey) {
        body.put("insecureIgnoreHostKey", true);
      }
      if (enableLfs) {
        body.put("enableLfs", true);
      }
      JsonNode created =
          Main.of(spec)
              .connection()
              .client()
              .post("/api/v1/repositories" + (upsert ? "?upsert=true" : ""), body);
      commandLine.getOut().println("Repository '" + created.path("repo").asText(repo) + "' added");
      return Main.OK;
    }

    private static String promptPassword() {
      Console console = System.console();
      if (console == null) {
        throw new CliException("no console to ask for the repository's password: pass --password");
      }
      return new String(console.readPassword("Password: "));
    }

    private static String read(Path file) {
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw new CliException("cannot read the SSH private key " + file + ": " + e, e);
      }
    }

    private static void putIf(ObjectNode node, String field, String value) {
      if (value != null) {
        node.put(field, value);
      }
    }
  }

  @Command(name = "list", description = "List repositories.")
  static final class List implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-o", "--output"},
        converter = OutputFormat.OrUrl.class,
        description = "wide, url, yaml or json; a table when absent.")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
      JsonNode list = Main.of(spec).connection().client().get("/api/v1/repositories");
      java.util.List<JsonNode> repos = new ArrayList<>();
      list.path("items").forEach(repos::add);
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.URL) {
        repos.forEach(r -> out.println(text(r, "repo")));
      } else if (!format.printStructured(out, OutputFormat.JSON_MAPPER.valueToTree(repos))) {
        printTable(out, repos);
      }
      return Main.OK;
    }
  }

  @Command(name = "get", description = "Show one repository.")
  static final class Get implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPOURL")
    String repo;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode found = Main.of(spec).connection().client().get(path(repo));
      PrintWriter out = spec.commandLine().getOut();
      if (!output.printStructured(out, found)) {
        printTable(out, java.util.List.of(found));
      }
      return Main.OK;
    }
  }

  @Command(name = "rm", description = "Remove repositories (by URL).")
  static final class Remove implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "REPOURL", arity = "1..*")
    java.util.List<String> repos;

    @Option(names = "--project", description = "The project the repository is scoped to.")
    String project;

    @Override
    public Integer call() {
      GatewayClient client = Main.of(spec).connection().client();
      String query = project == null ? "" : "?appProject=" + GatewayClient.segment(project);
      for (String repo : repos) {
        client.delete(path(repo) + query);
        spec.commandLine().getOut().println("Repository '" + repo + "' removed");
      }
      return Main.OK;
    }
  }
}
