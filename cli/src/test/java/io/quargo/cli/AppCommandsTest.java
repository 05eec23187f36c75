package io.quargo.cli;

import static io.quargo.cli.GatewayStandIn.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** app list, get, create, set, delete, sync, history and rollback against the stand-in gateway. */
class AppCommandsTest extends GatewayCliTest {
  private static final String APP = "/api/v1/applications/guestbook";

  AppCommandsTest() {
    super(Access.LOGGED_IN);
  }

  private String list() {
    return "{\"items\":["
        + resource("guestbook.json")
        + ","
        + resource("helm-guestbook.json")
        + "]}";
  }

  @Test
  void listPrintsArgoCdsColumns() {
    gateway.on("GET", "/api/v1/applications", list());

    CliRunner.Result result = cli.run("app", "list");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    String[] lines = result.out().split("\n");
    assertThat(lines[0])
        .matches(
            "NAME +CLUSTER +NAMESPACE +PROJECT +STATUS +HEALTH +SYNCPOLICY +CONDITIONS +REPO"
                + " +PATH +TARGET");
    assertThat(lines[1])
        .matches(
            "argocd/guestbook +https://kubernetes.default.svc +default +default +Synced +Healthy"
                + " +Auto-Prune +<none> +https://github.com/argoproj/argocd-example-apps.git"
                + " +guestbook +HEAD");
    assertThat(lines[2])
        .matches(
            "argocd/helm-guestbook +\\S+ +team-a +team-a +OutOfSync +Missing +Manual +SyncError"
                + " .* +helm-guestbook +v1.2.0");
    // columns line up: every row's STATUS starts where the header's does
    int status = lines[0].indexOf("STATUS");
    assertThat(lines[1].substring(status)).startsWith("Synced");
    assertThat(lines[2].substring(status)).startsWith("OutOfSync");
  }

  @Test
  void listAsJsonAndWideAndByProject() throws Exception {
    gateway.on("GET", "/api/v1/applications", list());

    JsonNode apps = json(cli.run("app", "list", "-o", "json").out());
    assertThat(apps).hasSize(2);
    assertThat(apps.get(1).path("metadata").path("name").asText()).isEqualTo("helm-guestbook");

    assertThat(cli.run("app", "list", "-o", "wide").out())
        .contains("REVISION")
        .contains("9f8e7d6c5b4a");
    assertThat(cli.run("app", "list", "-p", "team-a").out())
        .contains("helm-guestbook")
        .doesNotContain("argocd/guestbook ");
    assertThat(cli.run("app", "list", "-o", "yaml").out()).contains("name: guestbook");
  }

  @Test
  void getSaysHeadWhenTheSourceLeavesTheTargetRevisionEmpty() throws Exception {
    ObjectNode app = (ObjectNode) OutputFormat.JSON_MAPPER.readTree(resource("guestbook.json"));
    ((ObjectNode) app.path("spec").path("source")).remove("targetRevision");
    gateway.on("GET", APP, app.toString());

    CliRunner.Result result = cli.run("app", "get", "guestbook");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).contains("Sync Status:        Synced to HEAD (5320538)");
  }

  @Test
  void getPrintsTheSummaryAndResources() throws Exception {
    gateway.on("GET", APP, resource("guestbook.json"));

    CliRunner.Result result = cli.run("app", "get", "guestbook");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out())
        .contains("Name:               argocd/guestbook")
        .contains("Sync Policy:        Automated (Prune) (Self Heal)")
        .contains("Sync Status:        Synced to HEAD (5320538)")
        .contains("Health Status:      Healthy")
        .containsPattern("apps +Deployment +default +guestbook-ui +Synced +Healthy");
    assertThat(
            json(cli.run("app", "get", "guestbook", "-o", "json").out())
                .path("spec")
                .path("project")
                .asText())
        .isEqualTo("default");
    cli.run("app", "get", "guestbook", "--hard-refresh");
    assertThat(gateway.requests()).anyMatch(r -> r.path().equals(APP + "?refresh=hard"));
  }

  @Test
  void createFromFlagsSendsTheApplication() throws Exception {
    gateway.on("POST", "/api/v1/applications", resource("guestbook.json"));

    CliRunner.Result result =
        cli.run(
            "app",
            "create",
            "guestbook",
            "--repo",
            "https://github.com/argoproj/argocd-example-apps.git",
            "--path",
            "guestbook",
            "--revision",
            "HEAD",
            "--dest-server",
            "https://kubernetes.default.svc",
            "--dest-namespace",
            "default",
            "--project",
            "team-a",
            "--sync-policy",
            "automated",
            "--auto-prune",
            "--self-heal");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).contains("application 'guestbook' created");
    JsonNode sent = json(gateway.last("POST", "/api/v1/applications").body());
    assertThat(sent.path("kind").asText()).isEqualTo("Application");
    assertThat(sent.path("metadata").path("name").asText()).isEqualTo("guestbook");
    JsonNode spec = sent.path("spec");
    assertThat(spec.path("project").asText()).isEqualTo("team-a");
    assertThat(spec.path("source").path("repoURL").asText())
        .isEqualTo("https://github.com/argoproj/argocd-example-apps.git");
    assertThat(spec.path("source").path("path").asText()).isEqualTo("guestbook");
    assertThat(spec.path("source").path("targetRevision").asText()).isEqualTo("HEAD");
    assertThat(spec.path("destination").path("server").asText())
        .isEqualTo("https://kubernetes.default.svc");
    assertThat(spec.path("destination").path("namespace").asText()).isEqualTo("default");
    assertThat(spec.path("syncPolicy").path("automated").path("prune").asBoolean()).isTrue();
    assertThat(spec.path("syncPolicy").path("automated").path("selfHeal").asBoolean()).isTrue();
  }

  @Test
  void createFromAYamlFileSendsItAsJsonWithFlagOverrides() throws Exception {
    gateway.on("POST", "/api/v1/applications?upsert=true", resource("guestbook.json"));
    Path file = config.resolve("app.yaml");
    Files.writeString(file, resource("app.yaml"));

    CliRunner.Result result =
        cli.run("app", "create", "-f", file.toString(), "--upsert", "--revision", "v2");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("POST", "/api/v1/applications?upsert=true").body());
    assertThat(sent.path("metadata").path("name").asText()).isEqualTo("from-file");
    assertThat(sent.path("spec").path("source").path("path").asText())
        .isEqualTo("kustomize-guestbook");
    assertThat(sent.path("spec").path("source").path("targetRevision").asText()).isEqualTo("v2");
    assertThat(sent.path("spec").path("syncPolicy").path("automated").path("prune").asBoolean())
        .isTrue();
  }

  @Test
  void createWithoutRepoOrWithSelfHealButManualIsBadUsage() {
    assertThat(cli.run("app", "create", "x", "--dest-server", "https://k").exitCode())
        .isEqualTo(Main.USAGE);
    assertThat(
            cli.run("app", "create", "x", "--repo", "r", "--dest-server", "s", "--self-heal")
                .exitCode())
        .isEqualTo(Main.USAGE);
    assertThat(gateway.requests()).noneMatch(r -> r.path().startsWith("/api/v1/applications"));
  }

  @Test
  void setReadsTheAppChangesTheFlagsAndPutsItBack() throws Exception {
    gateway.on("GET", APP, resource("guestbook.json"));
    gateway.on("PUT", APP, resource("guestbook.json"));

    CliRunner.Result result =
        cli.run("app", "set", "guestbook", "--revision", "v9", "--sync-policy", "none");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("PUT", APP).body());
    assertThat(sent.path("spec").path("source").path("targetRevision").asText()).isEqualTo("v9");
    assertThat(sent.path("spec").path("source").path("path").asText()).isEqualTo("guestbook");
    assertThat(sent.path("spec").path("syncPolicy").has("automated")).isFalse();
    assertThat(sent.has("status")).isFalse();
  }

  @Test
  void createAndSetTakeArgosHelmKustomizeAndDirectoryFlags() throws Exception {
    gateway.on("POST", "/api/v1/applications", "{}");
    String app = "/api/v1/applications/helm-guestbook";
    gateway.on("GET", app, resource("helm-guestbook.json"));
    gateway.on("PUT", app, "{}");

    CliRunner.Result create =
        cli.run(
            "app",
            "create",
            "k",
            "--repo",
            "r",
            "--path",
            "p",
            "--dest-server",
            "s",
            "--kustomize-image",
            "nginx=nginx:1.27",
            "--nameprefix",
            "dev-",
            "--directory-recurse");
    assertThat(create.exitCode()).as(create.err()).isEqualTo(Main.OK);
    JsonNode source = json(gateway.last("POST", "/api/v1/applications").body()).at("/spec/source");
    assertThat(source.at("/kustomize/images/0").asText()).isEqualTo("nginx=nginx:1.27");
    assertThat(source.at("/kustomize/namePrefix").asText()).isEqualTo("dev-");
    assertThat(source.at("/directory/recurse").asBoolean()).isTrue();

    CliRunner.Result set =
        cli.run(
            "app",
            "set",
            "helm-guestbook",
            "--helm-set",
            "replicaCount=2",
            "--helm-set",
            "replicaCount=3",
            "--helm-set-string",
            "image.tag=0.3",
            "--values",
            "values-prod.yaml",
            "--release-name",
            "gb");
    assertThat(set.exitCode()).as(set.err()).isEqualTo(Main.OK);
    JsonNode helm = json(gateway.last("PUT", app).body()).at("/spec/source/helm");
    // the parameter set twice keeps its last value
    assertThat(helm.path("parameters").toString())
        .contains("{\"name\":\"replicaCount\",\"value\":\"3\"}")
        .contains("{\"name\":\"image.tag\",\"value\":\"0.3\",\"forceString\":true}")
        .doesNotContain("\"value\":\"2\"");
    assertThat(helm.path("valueFiles").toString()).contains("\"values-prod.yaml\"");
    assertThat(helm.path("releaseName").asText()).isEqualTo("gb");

    assertThat(cli.run("app", "set", "helm-guestbook", "--helm-set", "novalue").exitCode())
        .isEqualTo(Main.USAGE);
  }

  @Test
  void deleteCascadesUnlessToldNot() {
    gateway.on("DELETE", APP + "?cascade=true", "{}");
    gateway.on("DELETE", APP + "?cascade=false", "{}");

    assertThat(cli.run("app", "delete", "guestbook", "-y").exitCode()).isEqualTo(Main.OK);
    assertThat(cli.run("app", "delete", "guestbook", "--cascade=false").exitCode())
        .isEqualTo(Main.OK);
    assertThat(gateway.requests())
        .extracting(GatewayStandIn.Recorded::path)
        .contains(APP + "?cascade=true", APP + "?cascade=false");
  }

  @Test
  void syncWithPruneAndResourcesSendsTheSyncRequestAndWaitsForTheOperation() throws Exception {
    gateway.on("POST", APP + "/sync", resource("guestbook.json"));
    String running =
        resource("guestbook.json").replace("\"phase\": \"Succeeded\"", "\"phase\": \"Running\"");
    gateway.on("GET", APP, running, resource("guestbook.json"));

    CliRunner.Result result =
        cli.run(
            "app",
            "sync",
            "guestbook",
            "--prune",
            "--revision",
            "abc123",
            "--resource",
            "apps:Deployment:guestbook-ui",
            "--resource",
            ":Service:default/guestbook-ui",
            "--sync-option",
            "CreateNamespace=true",
            "--poll-interval",
            "20");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("POST", APP + "/sync").body());
    assertThat(sent.path("prune").asBoolean()).isTrue();
    assertThat(sent.path("dryRun").asBoolean()).isFalse();
    assertThat(sent.path("revision").asText()).isEqualTo("abc123");
    // the rules are matched against the app's resources, so each is sent with its namespace
    assertThat(sent.path("resources")).hasSize(2);
    assertThat(sent.path("resources").get(0).toString())
        .isEqualTo(
            "{\"group\":\"\",\"kind\":\"Service\",\"namespace\":\"default\",\"name\":\"guestbook-ui\"}");
    assertThat(sent.path("resources").get(1).toString())
        .isEqualTo(
            "{\"group\":\"apps\",\"kind\":\"Deployment\",\"namespace\":\"default\",\"name\":\"guestbook-ui\"}");
    assertThat(sent.path("syncOptions").path("items").get(0).asText())
        .isEqualTo("CreateNamespace=true");
    assertThat(gateway.requests().stream().filter(r -> r.path().equals(APP)).count()).isEqualTo(2);
    assertThat(result.out()).contains("Phase:              Succeeded");
  }

  @Test
  void aFailedSyncExitsOneWithTheOperationsMessage() {
    gateway.on("POST", APP + "/sync", "{}");
    gateway.on(
        "GET",
        APP,
        resource("guestbook.json")
            .replace("\"phase\": \"Succeeded\"", "\"phase\": \"Failed\"")
            .replace("successfully synced (all tasks run)", "one or more tasks failed"));

    CliRunner.Result result = cli.run("app", "sync", "guestbook", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err()).contains("ended Failed: one or more tasks failed");
  }

  @Test
  void historyAndRollbackToThePreviousEntry() throws Exception {
    gateway.on("GET", APP, resource("guestbook.json"));
    gateway.on("POST", APP + "/rollback", resource("guestbook.json"));

    CliRunner.Result history = cli.run("app", "history", "guestbook");
    assertThat(history.out().split("\n")[0]).matches("ID +DATE +REVISION +SOURCE");
    assertThat(history.out()).containsPattern("0 +2026-11-20T10:00:00Z +1111111aaaaaaa");

    CliRunner.Result rollback = cli.run("app", "rollback", "guestbook");
    assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(Main.OK);
    assertThat(json(gateway.last("POST", APP + "/rollback").body()).path("id").asLong()).isZero();
    cli.run("app", "rollback", "guestbook", "1");
    assertThat(json(gateway.last("POST", APP + "/rollback").body()).path("id").asLong())
        .isEqualTo(1);
  }

  @Test
  void rollbackWaitsForItsOperationAndExitsOneWhenItFails() {
    String running =
        resource("guestbook.json").replace("\"phase\": \"Succeeded\"", "\"phase\": \"Running\"");
    String failed =
        resource("guestbook.json")
            .replace("\"phase\": \"Succeeded\"", "\"phase\": \"Failed\"")
            .replace("successfully synced (all tasks run)", "revision 1111111 is gone");
    gateway.on("GET", APP, resource("guestbook.json"), running, failed);
    gateway.on("POST", APP + "/rollback", running);

    CliRunner.Result result =
        cli.run("app", "rollback", "guestbook", "--timeout", "30", "--poll-interval", "20");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err()).contains("rollback of application 'guestbook' ended Failed: revision");
    assertThat(gateway.requests().stream().filter(r -> r.path().equals(APP)).count()).isEqualTo(3);

    CliRunner.Result async = cli.run("app", "rollback", "guestbook", "0", "--async");
    assertThat(async.exitCode()).as(async.err()).isEqualTo(Main.OK);
    assertThat(gateway.requests().stream().filter(r -> r.path().equals(APP)).count()).isEqualTo(3);
  }
}
