package io.quargo.cli;

import static io.quargo.cli.GatewayStandIn.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * argocd's list filters and output formats ({@code -o name}, {@code -o tree}, {@code -o id}),
 * qualified NS/NAME names, delete and wait by selector, create's labels and retry, and unset.
 */
class AppFiltersAndFormatsTest extends GatewayCliTest {
  private static final String APP = "/api/v1/applications/guestbook";

  AppFiltersAndFormatsTest() {
    super(Access.LOGGED_IN);
  }

  private static String list() {
    return "{\"items\":["
        + resource("guestbook.json")
        + ","
        + resource("helm-guestbook.json")
        + "]}";
  }

  @Test
  void listFiltersAsArgoCdsAndPrintsNamesThatOtherCommandsTake() {
    gateway.on("GET", "/api/v1/applications", list());
    gateway.on("GET", "/api/v1/applications?selector=team%20in%20%28a%2Cb%29", list());

    assertThat(cli.run("app", "list", "-o", "name").out())
        .isEqualTo("argocd/guestbook\nargocd/helm-guestbook\n");
    assertThat(cli.run("app", "list", "-o", "name", "-P", "helm-guestbook").out())
        .isEqualTo("argocd/helm-guestbook\n");
    assertThat(
            cli.run(
                    "app",
                    "list",
                    "-o",
                    "name",
                    "-r",
                    "https://github.com/argoproj/argocd-example-apps.git",
                    "-c",
                    "https://kubernetes.default.svc")
                .out())
        .isEqualTo("argocd/guestbook\nargocd/helm-guestbook\n");
    assertThat(cli.run("app", "list", "-o", "name", "-r", "https://elsewhere.git").out()).isEmpty();
    assertThat(cli.run("app", "list", "-o", "name", "-l", "team in (a,b)").exitCode())
        .isEqualTo(Main.OK);
    assertThat(gateway.last("GET", "/api/v1/applications?selector=team%20in%20%28a%2Cb%29"))
        .isNotNull();

    CliRunner.Result tree = cli.run("app", "list", "-o", "tree");
    assertThat(tree.exitCode()).isEqualTo(Main.USAGE);
    assertThat(tree.err()).contains("unknown output format \"tree\"; use wide, yaml, json or name");

    // a qualified name goes to the app in that namespace
    gateway.on("GET", APP + "?appNamespace=argocd", resource("guestbook.json"));
    CliRunner.Result got = cli.run("app", "get", "argocd/guestbook");
    assertThat(got.exitCode()).as(got.err()).isEqualTo(Main.OK);
    assertThat(got.out()).contains("Name:               argocd/guestbook");
  }

  @Test
  void getShowsTheResourceTreeTheOperationAndTheHelmParametersOnlyWhenAsked() throws Exception {
    ObjectNode app = (ObjectNode) json(resource("guestbook.json"));
    ((ObjectNode) app.path("spec").path("source"))
        .putObject("helm")
        .putArray("parameters")
        .addObject()
        .put("name", "replicaCount")
        .put("value", "2");
    gateway.on("GET", APP, app.toString());
    gateway.on(
        "GET",
        APP + "/resource-tree",
        "{\"nodes\":["
            + "{\"kind\":\"Service\",\"namespace\":\"default\",\"name\":\"guestbook-ui\",\"uid\":\"s\"},"
            + "{\"group\":\"apps\",\"kind\":\"Deployment\",\"namespace\":\"default\","
            + "\"name\":\"guestbook-ui\",\"uid\":\"d\"},"
            + "{\"group\":\"apps\",\"kind\":\"ReplicaSet\",\"namespace\":\"default\",\"name\":\"rs1\","
            + "\"uid\":\"r1\",\"parentRefs\":[{\"uid\":\"d\"}],\"health\":{\"status\":\"Healthy\"}},"
            + "{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"p1\",\"uid\":\"p1\","
            + "\"parentRefs\":[{\"uid\":\"r1\"}],\"health\":{\"status\":\"Healthy\"}},"
            + "{\"group\":\"apps\",\"kind\":\"ReplicaSet\",\"namespace\":\"default\",\"name\":\"rs0\","
            + "\"uid\":\"r0\",\"parentRefs\":[{\"uid\":\"d\"}]}]}");

    String plain = cli.run("app", "get", "guestbook").out();
    assertThat(plain).doesNotContain("Phase:").doesNotContain("replicaCount");

    CliRunner.Result tree = cli.run("app", "get", "guestbook", "-o", "tree", "--show-operation");
    assertThat(tree.exitCode()).as(tree.err()).isEqualTo(Main.OK);
    assertThat(tree.out())
        .contains("Phase:              Succeeded")
        .containsPattern("(?m)^KIND/NAME +STATUS +HEALTH +MESSAGE$")
        .containsPattern("(?m)^Service/guestbook-ui +Synced +Healthy$")
        .containsPattern("(?m)^Deployment/guestbook-ui +Synced +Healthy$")
        .containsPattern("(?m)^├─ReplicaSet/rs1 +Healthy$")
        .containsPattern("(?m)^│ └─Pod/p1 +Healthy$")
        .containsPattern("(?m)^└─ReplicaSet/rs0$");

    assertThat(cli.run("app", "get", "guestbook", "--show-params").out())
        .containsPattern("(?m)^NAME +VALUE$")
        .containsPattern("(?m)^replicaCount +2$");
  }

  @Test
  void historyIdsDeleteBySelectorWithPropagationAndWaitForSeveralApps() {
    gateway.on("GET", APP, resource("guestbook.json"));
    assertThat(cli.run("app", "history", "guestbook", "-o", "id").out()).isEqualTo("0\n1\n");

    gateway.on("GET", "/api/v1/applications?selector=team%3Da", list());
    gateway.on(
        "DELETE", APP + "?cascade=true&propagationPolicy=background&appNamespace=argocd", "{}");
    gateway.on(
        "DELETE",
        "/api/v1/applications/helm-guestbook?cascade=true&propagationPolicy=background"
            + "&appNamespace=argocd",
        "{}");
    // nothing answers GET for the deleted apps: the stand-in's 404 is "gone"
    CliRunner.Result deleted =
        cli.run("app", "delete", "-l", "team=a", "-p", "background", "--wait", "-y");
    assertThat(deleted.exitCode()).as(deleted.err()).isEqualTo(Main.OK);
    assertThat(deleted.out())
        .contains("application 'argocd/guestbook' deleted")
        .contains("application 'argocd/helm-guestbook' deleted");
    assertThat(cli.run("app", "delete", "guestbook", "-p", "orphan").exitCode())
        .isEqualTo(Main.USAGE);

    // wait for several apps: each must reach the goal; one that is Degraded fails the wait
    gateway.on("GET", "/api/v1/applications/helm-guestbook", resource("helm-guestbook.json"));
    CliRunner.Result both =
        cli.run("app", "wait", "guestbook", "helm-guestbook", "--health", "--timeout", "1");
    assertThat(both.exitCode()).isEqualTo(Main.FAILED);
    assertThat(both.out()).contains("Name:               argocd/guestbook");
    assertThat(both.err()).contains("waiting for application 'helm-guestbook'");
    CliRunner.Result gone =
        cli.run(
            "app", "wait", "argocd/nothing", "--delete", "--timeout", "5", "--poll-interval", "10");
    assertThat(gone.exitCode()).as(gone.err()).isEqualTo(Main.OK);
    assertThat(gone.out()).contains("application 'argocd/nothing' deleted");
  }

  @Test
  void createTakesLabelsAndARetryPolicyAndUnsetRemovesSourceSettings() throws Exception {
    gateway.on("POST", "/api/v1/applications", "{}");
    CliRunner.Result created =
        cli.run(
            "app",
            "create",
            "shop",
            "--repo",
            "git://example/shop.git",
            "--dest-server",
            "https://kubernetes.default.svc",
            "-l",
            "team=a",
            "--label",
            "tier=web",
            "--sync-retry-limit",
            "3",
            "--sync-retry-backoff-duration",
            "10s");
    assertThat(created.exitCode()).as(created.err()).isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("POST", "/api/v1/applications").body());
    assertThat(sent.at("/metadata/labels").toString())
        .isEqualTo("{\"team\":\"a\",\"tier\":\"web\"}");
    assertThat(sent.at("/spec/syncPolicy/retry").toString())
        .isEqualTo(
            "{\"limit\":3,\"backoff\":{\"duration\":\"10s\",\"maxDuration\":\"3m\",\"factor\":2}}");
    assertThat(
            cli.run(
                    "app",
                    "create",
                    "shop",
                    "--repo",
                    "r",
                    "--dest-server",
                    "s",
                    "--sync-retry-limit",
                    "1",
                    "--sync-retry-backoff-duration",
                    "soon")
                .exitCode())
        .isEqualTo(Main.USAGE);

    ObjectNode app = (ObjectNode) json(resource("guestbook.json"));
    ObjectNode source = (ObjectNode) app.path("spec").path("source");
    ObjectNode helm = source.putObject("helm");
    helm.putArray("parameters").addObject().put("name", "replicaCount").put("value", "2");
    helm.withArray("parameters").addObject().put("name", "image.tag").put("value", "v2");
    helm.putArray("valueFiles").add("values-prod.yaml");
    source
        .putObject("kustomize")
        .put("namePrefix", "prod-")
        .putArray("images")
        .add("nginx=nginx:1.27");
    gateway.on("GET", APP, app.toString());
    gateway.on("PUT", APP, "{}");

    CliRunner.Result unset =
        cli.run(
            "app",
            "unset",
            "guestbook",
            "-p",
            "replicaCount",
            "--values",
            "values-prod.yaml",
            "--nameprefix",
            "--kustomize-image",
            "nginx");
    assertThat(unset.exitCode()).as(unset.err()).isEqualTo(Main.OK);
    JsonNode put = json(gateway.last("PUT", APP).body());
    assertThat(put.at("/spec/source/helm/parameters").toString())
        .isEqualTo("[{\"name\":\"image.tag\",\"value\":\"v2\"}]");
    assertThat(put.at("/spec/source/helm/valueFiles")).isEmpty();
    assertThat(put.at("/spec/source/kustomize").toString()).isEqualTo("{\"images\":[]}");
    assertThat(put.has("status")).isFalse();

    long puts = gateway.requests().stream().filter(r -> r.method().equals("PUT")).count();
    assertThat(cli.run("app", "unset", "guestbook", "-p", "absent").out())
        .contains("has none of these set");
    assertThat(gateway.requests().stream().filter(r -> r.method().equals("PUT")).count())
        .isEqualTo(puts);
  }
}
