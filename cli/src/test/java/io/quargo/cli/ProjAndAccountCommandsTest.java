package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** proj list, create, delete, role create-token; account list, update-password, can-i. */
class ProjAndAccountCommandsTest extends GatewayCliTest {
  ProjAndAccountCommandsTest() {
    super(Access.TOKEN);
  }

  @Test
  void projCreateSendsArgosProjectCreateRequest() throws Exception {
    gateway.on("POST", "/api/v1/projects", "{}");

    CliRunner.Result result =
        cli.run(
            "proj",
            "create",
            "team-a",
            "-d",
            "https://kubernetes.default.svc,team-a",
            "-s",
            "https://github.com/org/*",
            "--description",
            "Team A",
            "--upsert");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("POST", "/api/v1/projects").body());
    assertThat(sent.path("upsert").asBoolean()).isTrue();
    JsonNode project = sent.path("project");
    assertThat(project.path("metadata").path("name").asText()).isEqualTo("team-a");
    assertThat(project.path("spec").path("description").asText()).isEqualTo("Team A");
    assertThat(project.path("spec").path("destinations").get(0).toString())
        .isEqualTo("{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"team-a\"}");
    assertThat(project.path("spec").path("sourceRepos").get(0).asText())
        .isEqualTo("https://github.com/org/*");
    assertThat(cli.run("proj", "create", "x", "-d", "no-comma").exitCode()).isEqualTo(Main.USAGE);
  }

  @Test
  void projListAndGetAndDelete() {
    String project =
        "{\"metadata\":{\"name\":\"team-a\"},\"spec\":{\"description\":\"Team A\","
            + "\"destinations\":[{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"team-a\"}],"
            + "\"sourceRepos\":[\"*\"],\"roles\":[{\"name\":\"ci\"}]}}";
    gateway.on("GET", "/api/v1/projects", "{\"items\":[" + project + "]}");
    gateway.on("GET", "/api/v1/projects/team-a", project);
    gateway.on("DELETE", "/api/v1/projects/team-a", "{}");

    assertThat(cli.run("proj", "list").out())
        .containsPattern("NAME +DESCRIPTION +DESTINATIONS +SOURCES")
        .containsPattern("team-a +Team A +https://kubernetes.default.svc,team-a +\\*");
    assertThat(cli.run("proj", "get", "team-a").out()).containsPattern("Roles: +ci");
    assertThat(cli.run("proj", "delete", "team-a").exitCode()).isEqualTo(Main.OK);
    gateway.last("DELETE", "/api/v1/projects/team-a");
  }

  @Test
  void roleCreateTokenSendsTheLifetimeInSeconds() throws Exception {
    String path = "/api/v1/projects/team-a/roles/ci/token";
    gateway.on("POST", path, "{\"token\":\"proj-jwt\"}");

    CliRunner.Result result =
        cli.run("proj", "role", "create-token", "team-a", "ci", "-e", "1h30m", "-t");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).isEqualTo("proj-jwt\n");
    assertThat(json(gateway.last("POST", path).body()).path("expiresIn").asLong()).isEqualTo(5400);
    assertThat(cli.run("proj", "role", "create-token", "team-a", "ci", "-e", "soon").exitCode())
        .isEqualTo(Main.USAGE);
  }

  @Test
  void accountListUpdatePasswordAndCanI() throws Exception {
    gateway.on(
        "GET",
        "/api/v1/account",
        "{\"items\":[{\"name\":\"admin\",\"enabled\":true,\"capabilities\":[\"login\",\"apiKey\"]}]}");
    gateway.on("PUT", "/api/v1/account/password", "{}");
    gateway.on(
        "GET", "/api/v1/account/can-i/applications/sync/default/guestbook", "{\"value\":\"yes\"}");

    assertThat(cli.run("account", "list").out())
        .containsPattern("NAME +ENABLED +CAPABILITIES")
        .containsPattern("admin +true +login, apiKey");

    CliRunner.Result update =
        cli.run(
            "account",
            "update-password",
            "--account",
            "alice",
            "--current-password",
            "old",
            "--new-password",
            "new-one");
    assertThat(update.exitCode()).as(update.err()).isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("PUT", "/api/v1/account/password").body());
    assertThat(sent.path("currentPassword").asText()).isEqualTo("old");
    assertThat(sent.path("newPassword").asText()).isEqualTo("new-one");
    assertThat(sent.path("name").asText()).isEqualTo("alice");

    CliRunner.Result canI =
        cli.run("account", "can-i", "sync", "applications", "default/guestbook");
    assertThat(canI.exitCode()).as(canI.err()).isEqualTo(Main.OK);
    assertThat(canI.out()).isEqualTo("yes\n");
  }
}
