package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repo add, list, get, rm and cluster add, list, rm against the stand-in gateway. */
class RepoAndClusterCommandsTest extends GatewayCliTest {
  private static final String GUESTBOOK = "https://github.com/argoproj/argocd-example-apps.git";
  private static final String ENCODED =
      "https%3A%2F%2Fgithub.com%2Fargoproj%2Fargocd-example-apps.git";

  RepoAndClusterCommandsTest() {
    super(Access.TOKEN);
  }

  @TempDir Path files;

  @Test
  void repoAddSendsArgosRepositoryWithTheKeyFileRead() throws Exception {
    gateway.on("POST", "/api/v1/repositories?upsert=true", "{\"repo\":\"git@host:org/r.git\"}");
    Path key = Files.writeString(files.resolve("id_ed25519"), "-----BEGIN OPENSSH KEY-----\nabc\n");

    CliRunner.Result result =
        cli.run(
            "repo",
            "add",
            "git@host:org/r.git",
            "--ssh-private-key-path",
            key.toString(),
            "--name",
            "r",
            "--project",
            "team-a",
            "--insecure-skip-server-verification",
            "--upsert");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).isEqualTo("Repository 'git@host:org/r.git' added\n");
    JsonNode sent = json(gateway.last("POST", "/api/v1/repositories?upsert=true").body());
    assertThat(sent.path("repo").asText()).isEqualTo("git@host:org/r.git");
    assertThat(sent.path("type").asText()).isEqualTo("git");
    assertThat(sent.path("name").asText()).isEqualTo("r");
    assertThat(sent.path("project").asText()).isEqualTo("team-a");
    assertThat(sent.path("insecure").asBoolean()).isTrue();
    assertThat(sent.path("sshPrivateKey").asText()).isEqualTo("-----BEGIN OPENSSH KEY-----\nabc\n");
    assertThat(sent.has("username")).isFalse();
  }

  @Test
  void repoAddHelmWithBasicAuth() throws Exception {
    gateway.on("POST", "/api/v1/repositories", "{}");

    CliRunner.Result result =
        cli.run(
            "repo",
            "add",
            "https://charts.example.com",
            "--type",
            "helm",
            "--name",
            "example",
            "--username",
            "bob",
            "--password",
            "s3cret");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    // the gateway's answer lacked the repo: the CLI names the one it sent
    assertThat(result.out()).contains("Repository 'https://charts.example.com' added");
    JsonNode sent = json(gateway.last("POST", "/api/v1/repositories").body());
    assertThat(sent.path("type").asText()).isEqualTo("helm");
    assertThat(sent.path("username").asText()).isEqualTo("bob");
    assertThat(sent.path("password").asText()).isEqualTo("s3cret");
    assertThat(sent.has("insecure")).isFalse();
  }

  @Test
  void repoAddRejectsBadUsageWithExitTwoAndSendsNothing() {
    assertThat(cli.run("repo", "add", "https://x", "--type", "svn").exitCode())
        .isEqualTo(Main.USAGE);
    CliRunner.Result helm = cli.run("repo", "add", "https://charts", "--type", "helm");
    assertThat(helm.exitCode()).isEqualTo(Main.USAGE);
    assertThat(helm.err()).contains("a helm repository needs --name");
    assertThat(cli.run("repo", "add", "https://x", "--password", "p").exitCode())
        .isEqualTo(Main.USAGE);
    assertThat(cli.run("repo", "add").exitCode()).isEqualTo(Main.USAGE);
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void repoAddShowsTheGatewaysProblemAndExitsOne() {
    gateway.problem(
        "POST",
        "/api/v1/repositories",
        400,
        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"repo \\\"ftp://x\\\" is not a Git or Helm URL\"}");

    CliRunner.Result result = cli.run("repo", "add", "ftp://x");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err()).contains("error: Bad Request: repo \"ftp://x\" is not a Git or Helm");
  }

  private static final String REPOS =
      "{\"items\":[{\"repo\":\""
          + GUESTBOOK
          + "\",\"type\":\"git\",\"connectionState\":{\"status\":\"Successful\",\"message\":\"\"}},"
          + "{\"repo\":\"https://charts.example.com\",\"type\":\"helm\",\"name\":\"example\","
          + "\"username\":\"bob\",\"insecure\":true,\"project\":\"team-a\","
          + "\"connectionState\":{\"status\":\"Failed\",\"message\":\"401 Unauthorized\"}}]}";

  @Test
  void repoListPrintsArgoCdsColumns() {
    gateway.on("GET", "/api/v1/repositories", REPOS);

    CliRunner.Result result = cli.run("repo", "list");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    String[] lines = result.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .matches("TYPE +NAME +REPO +INSECURE +OCI +LFS +CREDS +STATUS +MESSAGE +PROJECT");
    assertThat(lines[1])
        .matches(
            "git +" + GUESTBOOK.replace(".", "\\.") + " +false +false +false +false +Successful");
    assertThat(lines[2])
        .matches(
            "helm +example +https://charts\\.example\\.com +true +false +false +true +Failed"
                + " +401 Unauthorized +team-a");
    int status = lines[0].indexOf("STATUS");
    assertThat(lines[1].substring(status)).startsWith("Successful");
    assertThat(lines[2].substring(status)).startsWith("Failed");
  }

  @Test
  void repoListAsJsonAndYaml() throws Exception {
    gateway.on("GET", "/api/v1/repositories", REPOS);

    JsonNode repos = json(cli.run("repo", "list", "-o", "json").out());
    assertThat(repos.isArray()).isTrue();
    assertThat(repos.get(1).path("name").asText()).isEqualTo("example");
    String yaml = cli.run("repo", "list", "-o", "yaml").out();
    assertThat(yaml).contains("- repo: " + GUESTBOOK).contains("status: Failed");
    assertThat(cli.run("repo", "list", "-o", "xml").exitCode()).isEqualTo(Main.USAGE);
  }

  @Test
  void repoRmDeletesEachUrlEncoded() {
    gateway.on("DELETE", "/api/v1/repositories/" + ENCODED, "{}");
    gateway.on("DELETE", "/api/v1/repositories/https%3A%2F%2Fcharts.example.com", "{}");

    CliRunner.Result result = cli.run("repo", "rm", GUESTBOOK, "https://charts.example.com");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out())
        .isEqualTo(
            "Repository '"
                + GUESTBOOK
                + "' removed\nRepository 'https://charts.example.com' removed\n");
    assertThat(gateway.requests()).hasSize(2);
  }

  @Test
  void repoRmOfAnUnknownRepoExitsOne() {
    CliRunner.Result result = cli.run("repo", "rm", "https://nowhere.example/x.git");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err()).contains("Not Found");
  }

  @Test
  void clusterAddFromUrlTokenFileAndCaFile() throws Exception {
    gateway.on("POST", "/api/v1/clusters", "{}");
    Path token = Files.writeString(files.resolve("token"), "ey.token.sig\n");
    Path ca = Files.writeString(files.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\nMII\n");

    CliRunner.Result result =
        cli.run(
            "cluster",
            "add",
            "https://10.0.0.1:6443",
            "--name",
            "prod",
            "--token-file",
            token.toString(),
            "--ca-file",
            ca.toString(),
            "--namespace",
            "a",
            "--namespace",
            "b",
            "--label",
            "env=prod");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).isEqualTo("Cluster 'https://10.0.0.1:6443' added\n");
    JsonNode sent = json(gateway.last("POST", "/api/v1/clusters").body());
    assertThat(sent.path("server").asText()).isEqualTo("https://10.0.0.1:6443");
    assertThat(sent.path("name").asText()).isEqualTo("prod");
    assertThat(sent.path("config").path("bearerToken").asText()).isEqualTo("ey.token.sig");
    JsonNode tls = sent.path("config").path("tlsClientConfig");
    assertThat(tls.path("insecure").asBoolean()).isFalse();
    assertThat(new String(Base64.getDecoder().decode(tls.path("caData").asText()), UTF8))
        .isEqualTo("-----BEGIN CERTIFICATE-----\nMII\n");
    assertThat(sent.path("namespaces").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(sent.path("labels").path("env").asText()).isEqualTo("prod");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void clusterAddFromAKubeconfigContext() throws Exception {
    gateway.on("POST", "/api/v1/clusters?upsert=true", "{}");
    Files.writeString(files.resolve("client.crt"), "CERT");
    Path kubeconfig =
        Files.writeString(
            files.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: dev-cluster
              cluster: {server: "https://dev:6443", insecure-skip-tls-verify: true}
            - name: prod-cluster
              cluster:
                server: https://prod:6443
                certificate-authority-data: Q0EtREFUQQ==
            contexts:
            - name: dev
              context: {cluster: dev-cluster, user: dev-user}
            - name: prod
              context: {cluster: prod-cluster, user: prod-user}
            users:
            - name: dev-user
              user: {token: dev-token}
            - name: prod-user
              user:
                client-certificate: client.crt
                client-key-data: S0VZ
            """);

    CliRunner.Result prod =
        cli.run("cluster", "add", "prod", "--kubeconfig", kubeconfig.toString(), "--upsert");

    assertThat(prod.exitCode()).as(prod.err()).isEqualTo(Main.OK);
    JsonNode sent = json(gateway.last("POST", "/api/v1/clusters?upsert=true").body());
    assertThat(sent.path("server").asText()).isEqualTo("https://prod:6443");
    assertThat(sent.path("name").asText()).isEqualTo("prod");
    JsonNode tls = sent.path("config").path("tlsClientConfig");
    assertThat(tls.path("caData").asText()).isEqualTo("Q0EtREFUQQ==");
    assertThat(tls.path("keyData").asText()).isEqualTo("S0VZ");
    assertThat(tls.path("certData").asText())
        .isEqualTo(Base64.getEncoder().encodeToString("CERT".getBytes(UTF8)));
    assertThat(sent.path("config").has("bearerToken")).isFalse();

    CliRunner.Result dev =
        cli.run("cluster", "add", "--kubeconfig", kubeconfig.toString(), "--upsert");
    assertThat(dev.exitCode()).as(dev.err()).isEqualTo(Main.OK);
    sent = json(gateway.last("POST", "/api/v1/clusters?upsert=true").body());
    assertThat(sent.path("server").asText()).isEqualTo("https://dev:6443");
    assertThat(sent.path("config").path("bearerToken").asText()).isEqualTo("dev-token");
    assertThat(sent.path("config").path("tlsClientConfig").path("insecure").asBoolean()).isTrue();

    CliRunner.Result missing =
        cli.run("cluster", "add", "--kubeconfig", kubeconfig.toString(), "--context", "qa");
    assertThat(missing.exitCode()).isEqualTo(Main.FAILED);
    assertThat(missing.err()).contains("has no context \"qa\"; it has: dev, prod");
  }

  @Test
  void clusterAddBadUsageExitsTwo() {
    assertThat(
            cli.run("cluster", "add", "https://k:6443", "--bearer-token", "a", "--token-file", "f")
                .exitCode())
        .isEqualTo(Main.USAGE);
    assertThat(
            cli.run("cluster", "add", "https://k:6443", "--kubeconfig", "/nonexistent").exitCode())
        .isEqualTo(Main.USAGE);
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void clusterListPrintsArgoCdsColumnsAndRmTakesUrlOrName() {
    gateway.on(
        "GET",
        "/api/v1/clusters",
        "{\"items\":[{\"server\":\"https://kubernetes.default.svc\",\"name\":\"in-cluster\","
            + "\"info\":{\"serverVersion\":\"1.29\",\"connectionState\":{\"status\":\"Successful\"}}},"
            + "{\"server\":\"https://prod:6443\",\"name\":\"prod\",\"namespaces\":[\"a\",\"b\"],"
            + "\"project\":\"team-a\",\"connectionState\":{\"status\":\"Failed\","
            + "\"message\":\"dial tcp: timeout\"}}]}");
    gateway.on("DELETE", "/api/v1/clusters/https%3A%2F%2Fprod%3A6443?id.type=url", "{}");
    gateway.on("DELETE", "/api/v1/clusters/https%3A%2F%2Fkubernetes.default.svc?id.type=url", "{}");

    CliRunner.Result list = cli.run("cluster", "list");

    assertThat(list.exitCode()).as(list.err()).isEqualTo(Main.OK);
    String[] lines = list.out().split("\n");
    assertThat(lines[0]).matches("SERVER +NAME +VERSION +STATUS +MESSAGE +PROJECT");
    assertThat(lines[1])
        .matches("https://kubernetes\\.default\\.svc +in-cluster +1\\.29 +Successful");
    assertThat(lines[2])
        .matches("https://prod:6443 \\(2 namespaces\\) +prod +Failed +dial tcp: timeout +team-a");

    CliRunner.Result rm = cli.run("cluster", "rm", "https://prod:6443", "in-cluster");
    assertThat(rm.exitCode()).as(rm.err()).isEqualTo(Main.OK);
    assertThat(rm.out())
        .contains("Cluster 'https://prod:6443' removed", "Cluster 'in-cluster' removed");
    // the name was looked up in the list, and the cluster removed by its server URL
    assertThat(gateway.requests())
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "GET /api/v1/clusters",
            "DELETE /api/v1/clusters/https%3A%2F%2Fprod%3A6443?id.type=url",
            "GET /api/v1/clusters",
            "DELETE /api/v1/clusters/https%3A%2F%2Fkubernetes.default.svc?id.type=url");

    CliRunner.Result unknown = cli.run("cluster", "rm", "staging");
    assertThat(unknown.exitCode()).isEqualTo(Main.FAILED);
    assertThat(unknown.err()).contains("no cluster is named 'staging'");
  }
}
