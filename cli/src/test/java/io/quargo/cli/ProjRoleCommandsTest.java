package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** proj role list, get, create, delete, add/remove-policy, add/remove-group. */
class ProjRoleCommandsTest extends GatewayCliTest {
  private static final String PROJECT = "/api/v1/projects/team-a";
  private static final String TEAM_A =
      "{\"metadata\":{\"name\":\"team-a\",\"resourceVersion\":\"7\"},"
          + "\"spec\":{\"sourceRepos\":[\"*\"],\"roles\":[{\"name\":\"ci\",\"description\":\"CI\","
          + "\"policies\":[\"p, proj:team-a:ci, applications, get, team-a/*, allow\"],"
          + "\"groups\":[\"org:ci\"],\"jwtTokens\":[{\"iat\":1700000000,\"id\":\"t1\"}]}]}}";

  ProjRoleCommandsTest() {
    super(Access.TOKEN);
  }

  @BeforeEach
  void server() {
    gateway.on("GET", PROJECT, TEAM_A);
    gateway.on("PUT", PROJECT, "{}");
  }

  private JsonNode sentRoles() throws Exception {
    JsonNode body = OutputFormat.JSON_MAPPER.readTree(gateway.last("PUT", PROJECT).body());
    // the whole project goes back, as Argo's ProjectUpdateRequest, resourceVersion included
    assertThat(body.path("project").path("metadata").path("resourceVersion").asText())
        .isEqualTo("7");
    assertThat(body.path("project").path("spec").path("sourceRepos").get(0).asText())
        .isEqualTo("*");
    return body.path("project").path("spec").path("roles");
  }

  @Test
  void listAndGetShowTheRole() {
    CliRunner.Result list = cli.run("proj", "role", "list", "team-a");
    assertThat(list.exitCode()).as(list.err()).isEqualTo(Main.OK);
    assertThat(list.out()).containsPattern("ROLE-NAME +DESCRIPTION\nci +CI\n");

    CliRunner.Result get = cli.run("proj", "role", "get", "team-a", "ci");
    assertThat(get.exitCode()).as(get.err()).isEqualTo(Main.OK);
    assertThat(get.out())
        .contains("p, proj:team-a:ci, applications, get, team-a/*, allow")
        .containsPattern("Groups: +org:ci")
        .containsPattern("t1 +2023-11-14T22:13:20Z +<none>");

    CliRunner.Result missing = cli.run("proj", "role", "get", "team-a", "ops");
    assertThat(missing.exitCode()).isEqualTo(Main.FAILED);
    assertThat(missing.err()).contains("project 'team-a' has no role 'ops'");
  }

  @Test
  void createAndDeleteARole() throws Exception {
    CliRunner.Result create =
        cli.run("proj", "role", "create", "team-a", "ops", "--description", "Operators");
    assertThat(create.exitCode()).as(create.err()).isEqualTo(Main.OK);
    JsonNode roles = sentRoles();
    assertThat(roles).hasSize(2);
    assertThat(roles.get(1).toString())
        .isEqualTo("{\"name\":\"ops\",\"description\":\"Operators\"}");

    assertThat(cli.run("proj", "role", "create", "team-a", "ci").exitCode()).isEqualTo(Main.FAILED);

    CliRunner.Result delete = cli.run("proj", "role", "delete", "team-a", "ci");
    assertThat(delete.exitCode()).as(delete.err()).isEqualTo(Main.OK);
    assertThat(sentRoles()).isEmpty();
  }

  @Test
  void addAndRemovePoliciesAndGroups() throws Exception {
    CliRunner.Result add =
        cli.run(
            "proj",
            "role",
            "add-policy",
            "team-a",
            "ci",
            "-a",
            "sync",
            "-o",
            "guestbook",
            "-p",
            "deny");
    assertThat(add.exitCode()).as(add.err()).isEqualTo(Main.OK);
    assertThat(sentRoles().get(0).path("policies").get(1).asText())
        .isEqualTo("p, proj:team-a:ci, applications, sync, team-a/guestbook, deny");

    CliRunner.Result remove = cli.run("proj", "role", "remove-policy", "team-a", "ci", "-a", "get");
    assertThat(remove.exitCode()).as(remove.err()).isEqualTo(Main.OK);
    assertThat(sentRoles().get(0).path("policies")).isEmpty();

    assertThat(cli.run("proj", "role", "remove-policy", "team-a", "ci", "-a", "delete").err())
        .contains("has no policy \"p, proj:team-a:ci, applications, delete, team-a/*, allow\"");
    assertThat(
            cli.run("proj", "role", "add-policy", "team-a", "ci", "-a", "get", "-p", "maybe")
                .exitCode())
        .isEqualTo(Main.USAGE);
    assertThat(cli.run("proj", "role", "add-policy", "team-a", "ci").exitCode())
        .as("--action is required")
        .isEqualTo(Main.USAGE);

    assertThat(cli.run("proj", "role", "add-group", "team-a", "ci", "org:ops").exitCode())
        .isEqualTo(Main.OK);
    assertThat(sentRoles().get(0).path("groups").toString()).isEqualTo("[\"org:ci\",\"org:ops\"]");
    assertThat(cli.run("proj", "role", "remove-group", "team-a", "ci", "org:ci").exitCode())
        .isEqualTo(Main.OK);
    assertThat(sentRoles().get(0).path("groups")).isEmpty();
  }
}
