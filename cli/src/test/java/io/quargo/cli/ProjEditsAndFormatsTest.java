package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * proj add-source, remove-source, add-destination, remove-destination and set; account get and
 * get-user-info -o; the list formats name, url and server.
 */
class ProjEditsAndFormatsTest extends GatewayCliTest {
  private static final String PROJECT = "/api/v1/projects/team-a";
  private static final String TEAM_A =
      "{\"metadata\":{\"name\":\"team-a\",\"resourceVersion\":\"7\"},\"spec\":{"
          + "\"sourceRepos\":[\"https://git/a.git\"],"
          + "\"destinations\":[{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"a\"}]}}";

  ProjEditsAndFormatsTest() {
    super(Access.TOKEN);
  }

  @BeforeEach
  void server() {
    gateway.on("GET", PROJECT, TEAM_A);
    gateway.on("PUT", PROJECT, "{}");
  }

  private JsonNode lastPut() throws Exception {
    return OutputFormat.JSON_MAPPER.readTree(gateway.last("PUT", PROJECT).body()).path("project");
  }

  private long puts() {
    return gateway.requests().stream().filter(r -> r.method().equals("PUT")).count();
  }

  @Test
  void sourcesAndDestinationsAreAddedAndRemovedAsArgoCdDoes() throws Exception {
    assertThat(cli.run("proj", "add-source", "team-a", "https://git/b.git").exitCode())
        .isEqualTo(Main.OK);
    JsonNode sent = lastPut();
    assertThat(sent.at("/spec/sourceRepos").toString())
        .isEqualTo("[\"https://git/a.git\",\"https://git/b.git\"]");
    // the project goes back whole, with its resourceVersion
    assertThat(sent.at("/metadata/resourceVersion").asText()).isEqualTo("7");

    // an allowed source is no change, nothing is written
    long before = puts();
    assertThat(cli.run("proj", "add-source", "team-a", "https://git/a.git").out())
        .contains("already allowed");
    assertThat(cli.run("proj", "remove-source", "team-a", "https://git/z.git").out())
        .contains("does not exist in project");
    assertThat(puts()).isEqualTo(before);

    cli.run("proj", "remove-source", "team-a", "https://git/a.git");
    assertThat(lastPut().at("/spec/sourceRepos")).isEmpty();

    assertThat(cli.run("proj", "add-destination", "team-a", "in-cluster", "b", "--name").exitCode())
        .isEqualTo(Main.OK);
    assertThat(lastPut().at("/spec/destinations/1").toString())
        .isEqualTo("{\"name\":\"in-cluster\",\"namespace\":\"b\"}");
    CliRunner.Result twice =
        cli.run("proj", "add-destination", "team-a", "https://kubernetes.default.svc", "a");
    assertThat(twice.exitCode()).isEqualTo(Main.FAILED);
    assertThat(twice.err()).contains("is already defined in project 'team-a'");

    cli.run("proj", "remove-destination", "team-a", "https://kubernetes.default.svc", "a");
    assertThat(lastPut().at("/spec/destinations")).isEmpty();
    assertThat(cli.run("proj", "remove-destination", "team-a", "https://x", "a").err())
        .contains("does not exist in project 'team-a'");
  }

  @Test
  void setReplacesTheListsGivenAndListsPrintNames() throws Exception {
    CliRunner.Result set =
        cli.run("proj", "set", "team-a", "--description", "Team A", "-s", "https://git/c.git");
    assertThat(set.exitCode()).as(set.err()).isEqualTo(Main.OK);
    JsonNode sent = lastPut();
    assertThat(sent.at("/spec/description").asText()).isEqualTo("Team A");
    assertThat(sent.at("/spec/sourceRepos").toString()).isEqualTo("[\"https://git/c.git\"]");
    assertThat(sent.at("/spec/destinations")).hasSize(1);
    assertThat(cli.run("proj", "set", "team-a").exitCode()).isEqualTo(Main.USAGE);
    assertThat(cli.run("proj", "set", "team-a", "-d", "no-comma").exitCode()).isEqualTo(Main.USAGE);

    gateway.on("GET", "/api/v1/projects", "{\"items\":[" + TEAM_A + "]}");
    assertThat(cli.run("proj", "list", "-o", "name").out()).isEqualTo("team-a\n");
    gateway.on(
        "GET",
        "/api/v1/repositories",
        "{\"items\":[{\"repo\":\"https://git/a.git\"},{\"repo\":\"https://git/b.git\"}]}");
    assertThat(cli.run("repo", "list", "-o", "url").out())
        .isEqualTo("https://git/a.git\nhttps://git/b.git\n");
    gateway.on(
        "GET",
        "/api/v1/clusters",
        "{\"items\":[{\"server\":\"https://kubernetes.default.svc\",\"name\":\"in-cluster\"}]}");
    assertThat(cli.run("cluster", "list", "-o", "server").out())
        .isEqualTo("https://kubernetes.default.svc\n");
  }

  @Test
  void accountGetReadsTheCallersAccountAndUserInfoPrintsJson() throws Exception {
    gateway.on(
        "GET",
        "/api/v1/session/userinfo",
        "{\"loggedIn\":true,\"username\":\"alice\",\"iss\":\"quargo\",\"groups\":[]}");
    gateway.on(
        "GET",
        "/api/v1/account",
        "{\"items\":[{\"name\":\"admin\",\"enabled\":true,\"capabilities\":[\"login\"]},"
            + "{\"name\":\"alice\",\"enabled\":true,\"capabilities\":[\"login\",\"apiKey\"]}]}");
    gateway.on(
        "GET",
        "/api/v1/account/alice",
        "{\"name\":\"alice\",\"enabled\":true,\"capabilities\":[\"login\",\"apiKey\"]}");
    gateway.on(
        "GET",
        "/api/v1/account/admin",
        "{\"name\":\"admin\",\"enabled\":true,\"capabilities\":[\"login\"]}");
    gateway.problem(
        "GET",
        "/api/v1/account/bob",
        404,
        "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"account bob not found\"}");

    CliRunner.Result mine = cli.run("account", "get");
    assertThat(mine.exitCode()).as(mine.err()).isEqualTo(Main.OK);
    assertThat(mine.out())
        .contains("Name:               alice")
        .contains("Capabilities:       login, apiKey")
        .contains("Tokens:\nNONE");
    assertThat(cli.run("account", "get", "-a", "admin", "-o", "name").out()).isEqualTo("admin\n");
    CliRunner.Result unknown = cli.run("account", "get", "-a", "bob");
    assertThat(unknown.exitCode()).isEqualTo(Main.FAILED);
    assertThat(unknown.err()).contains("account bob not found");
    assertThat(cli.run("account", "list", "-o", "name").out()).isEqualTo("admin\nalice\n");

    JsonNode info =
        OutputFormat.JSON_MAPPER.readTree(cli.run("account", "get-user-info", "-o", "json").out());
    assertThat(info.path("username").asText()).isEqualTo("alice");
    assertThat(cli.run("account", "get-user-info", "-o", "wide").exitCode()).isEqualTo(Main.USAGE);
  }
}
