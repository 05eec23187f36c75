package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code quargo app actions list|run} against the gateway stand-in, as argocd's. */
class AppActionsCommandTest extends GatewayCliTest {

  private static final String APP = "/api/v1/applications/guestbook";
  private static final String TREE =
      "{\"nodes\":[{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\","
          + "\"namespace\":\"default\",\"name\":\"guestbook-ui\"},"
          + "{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Service\","
          + "\"namespace\":\"default\",\"name\":\"guestbook-ui\"}]}";
  private static final String ACTIONS =
      APP
          + "/resource/actions?group=apps&kind=Deployment&namespace=default"
          + "&resourceName=guestbook-ui&version=v1";

  AppActionsCommandTest() {
    super(Access.TOKEN);
  }

  @BeforeEach
  void server() {
    gateway.on("GET", APP + "/resource-tree", TREE);
  }

  @Test
  void listPrintsEachActionOfTheMatchingResources() {
    gateway.on(
        "GET",
        ACTIONS,
        "{\"actions\":[{\"name\":\"restart\",\"disabled\":false},"
            + "{\"name\":\"resume\",\"disabled\":true}]}");

    CliRunner.Result result =
        cli.run("app", "actions", "list", "guestbook", "--kind", "Deployment");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out().lines())
        .containsExactly(
            "GROUP  KIND        NAME          ACTION   DISABLED",
            "apps   Deployment  guestbook-ui  restart  false",
            "apps   Deployment  guestbook-ui  resume   true");
  }

  @Test
  void runPostsTheActionForTheNamedResource() {
    gateway.on("POST", ACTIONS, "{}");

    CliRunner.Result result =
        cli.run(
            "app",
            "actions",
            "run",
            "guestbook",
            "restart",
            "--kind",
            "Deployment",
            "--group",
            "apps",
            "--resource-name",
            "guestbook-ui");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(gateway.last("POST", ACTIONS).body().replaceAll("\\s", ""))
        .isEqualTo("{\"action\":\"restart\"}");
  }

  @Test
  void aKindTheAppDoesNotHaveFailsNamingIt() {
    CliRunner.Result result =
        cli.run("app", "actions", "run", "guestbook", "restart", "--kind", "StatefulSet");

    assertThat(result.exitCode()).isNotEqualTo(Main.OK);
    assertThat(result.err()).contains("no StatefulSet in guestbook");
  }
}
