package io.quargo.cli;

import static io.quargo.cli.GatewayStandIn.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * argocd's {@code app sync} flags: several apps and {@code -l}, the sync options, resource rules
 * with wildcards and exclusions, {@code --label}, and {@code --preview-changes}.
 */
class AppSyncOptionsTest {
  private static final String APP = "/api/v1/applications/guestbook";
  private static final String HELM_APP = "/api/v1/applications/helm-guestbook";

  private final GatewayStandIn gateway = new GatewayStandIn();
  @TempDir Path config;
  private CliRunner cli;

  @BeforeEach
  void login() {
    cli = CliRunner.loggedIn(config, gateway);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private static JsonNode json(String text) throws Exception {
    return OutputFormat.JSON_MAPPER.readTree(text);
  }

  @Test
  void syncsEveryAppTheSelectorMatchesWithTheSyncOptionsOfArgoCdsFlags() throws Exception {
    gateway.on(
        "GET",
        "/api/v1/applications?selector=team%3Da",
        "{\"items\":[" + resource("guestbook.json") + "," + resource("helm-guestbook.json") + "]}");
    gateway.on("POST", APP + "/sync?appNamespace=argocd", "{}");
    gateway.on("POST", HELM_APP + "/sync?appNamespace=argocd", "{}");

    CliRunner.Result result =
        cli.run(
            "app",
            "sync",
            "-l",
            "team=a",
            "--async",
            "--apply-out-of-sync-only",
            "--replace",
            "--server-side",
            "--sync-option",
            "Validate=false");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out())
        .contains("application 'argocd/guestbook' sync requested")
        .contains("application 'argocd/helm-guestbook' sync requested");
    JsonNode sent = json(gateway.last("POST", HELM_APP + "/sync?appNamespace=argocd").body());
    assertThat(sent.path("syncOptions").path("items").toString())
        .isEqualTo(
            "[\"Validate=false\",\"Replace=true\",\"ServerSideApply=true\","
                + "\"ApplyOutOfSyncOnly=true\"]");
    assertThat(sent.has("resources")).isFalse();

    // a selector that matches nothing fails, as argocd's does, and syncs nothing
    gateway.on("GET", "/api/v1/applications?selector=team%3Dz", "{\"items\":[]}");
    CliRunner.Result none = cli.run("app", "sync", "-l", "team=z");
    assertThat(none.exitCode()).isEqualTo(Main.FAILED);
    assertThat(none.err()).contains("no applications match selector \"team=z\"");

    // neither a name nor a filter is bad usage
    assertThat(cli.run("app", "sync").exitCode()).isEqualTo(Main.USAGE);
  }

  @Test
  void resourceRulesWithWildcardsAndExclusionsAndLabelsPickTheAppsResources() throws Exception {
    gateway.on("GET", APP, resource("guestbook.json"));
    gateway.on("POST", APP + "/sync", "{}");

    // every resource but the Services
    assertThat(
            cli.run("app", "sync", "guestbook", "--async", "--resource", "!*:Service:*").exitCode())
        .isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("POST", APP + "/sync").body());
    assertThat(sent.path("resources")).hasSize(1);
    assertThat(sent.path("resources").get(0).path("kind").asText()).isEqualTo("Deployment");

    // a label picks the resources whose desired object carries it
    ObjectNode managed = (ObjectNode) json(resource("managed-resources.json"));
    ObjectNode service = (ObjectNode) managed.path("items").get(0);
    ObjectNode target = (ObjectNode) json(service.path("targetState").asText());
    ((ObjectNode) target.path("metadata")).putObject("labels").put("tier", "frontend");
    service.put("targetState", target.toString());
    gateway.on("GET", APP + "/managed-resources", managed.toString());
    assertThat(
            cli.run("app", "sync", "guestbook", "--async", "--label", "tier=frontend").exitCode())
        .isEqualTo(Main.OK);
    sent = json(gateway.last("POST", APP + "/sync").body());
    assertThat(sent.path("resources")).hasSize(1);
    assertThat(sent.path("resources").get(0).toString())
        .isEqualTo(
            "{\"group\":\"\",\"kind\":\"Service\",\"namespace\":\"default\",\"name\":\"guestbook-ui\"}");

    // a rule no resource matches fails before anything is synced
    int syncs = syncRequests();
    CliRunner.Result unmatched =
        cli.run("app", "sync", "guestbook", "--resource", "apps:StatefulSet:db");
    assertThat(unmatched.exitCode()).isEqualTo(Main.FAILED);
    assertThat(unmatched.err()).contains("no resources of application 'guestbook' match");
    assertThat(cli.run("app", "sync", "guestbook", "--label", "tier=db").err())
        .contains("no resources of application 'guestbook' have the labels [tier=db]");
    assertThat(syncRequests()).isEqualTo(syncs);

    // a malformed rule is bad usage
    CliRunner.Result malformed = cli.run("app", "sync", "guestbook", "--resource", "Deployment");
    assertThat(malformed.exitCode()).isEqualTo(Main.USAGE);
    assertThat(malformed.err()).contains("is not [!]GROUP:KIND:[NAMESPACE/]NAME");
  }

  @Test
  void previewChangesShowsTheDiffAndSyncsOnlyWhenSomethingDiffersAndItIsConfirmed() {
    gateway.on("GET", APP + "/managed-resources", resource("managed-resources.json"));
    gateway.on("POST", APP + "/sync", "{}");

    CliRunner.Result confirmed =
        cli.run("app", "sync", "guestbook", "--preview-changes", "--assumeYes", "--async");
    assertThat(confirmed.exitCode()).as(confirmed.err()).isEqualTo(Main.OK);
    assertThat(confirmed.out())
        .contains("====== Previewing differences between live and desired state of application")
        .contains("===== apps/Deployment default/guestbook-ui ======")
        .contains("sync requested");
    assertThat(syncRequests()).isEqualTo(1);

    // with no terminal to ask and no --assumeYes, nothing is synced
    CliRunner.Result unasked = cli.run("app", "sync", "guestbook", "--preview-changes");
    assertThat(unasked.exitCode()).isEqualTo(Main.FAILED);
    assertThat(unasked.err()).contains("pass --assumeYes");
    assertThat(syncRequests()).isEqualTo(1);

    // nothing differs: nothing to sync
    gateway.on("GET", APP + "/managed-resources", "{\"items\":[]}");
    CliRunner.Result same = cli.run("app", "sync", "guestbook", "--preview-changes", "--assumeYes");
    assertThat(same.exitCode()).isEqualTo(Main.OK);
    assertThat(same.out()).contains("====== No Differences found ======");
    assertThat(syncRequests()).isEqualTo(1);
  }

  private int syncRequests() {
    return (int)
        gateway.requests().stream()
            .filter(r -> r.method().equals("POST") && r.path().startsWith(APP + "/sync"))
            .count();
  }
}
