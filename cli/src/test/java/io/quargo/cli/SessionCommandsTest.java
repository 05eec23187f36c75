package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login, logout, the stored token, server and env settings, version and errors. */
class SessionCommandsTest extends GatewayCliTest {
  private static final String LIST = "{\"items\":[]}";

  SessionCommandsTest() {
    super(Access.CONFIG_ONLY);
  }

  @Test
  void loginStoresTheTokenInAMode600FileAndLaterCommandsSendIt() throws Exception {
    gateway.on("POST", "/api/v1/session", "{\"token\":\"jwt-for-admin\"}");
    gateway.on("GET", "/api/v1/applications", LIST);

    CliRunner.Result login =
        cli.run("login", gateway.address(), "--username", "admin", "--password", "s3cret");

    assertThat(login.exitCode()).as(login.err()).isEqualTo(Main.OK);
    assertThat(login.out()).contains("'admin' logged in successfully");
    JsonNode sent =
        OutputFormat.JSON_MAPPER.readTree(gateway.last("POST", "/api/v1/session").body());
    assertThat(sent.path("username").asText()).isEqualTo("admin");
    assertThat(sent.path("password").asText()).isEqualTo("s3cret");
    Path file = config.resolve("config");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("jwt-for-admin").contains(gateway.address());

    assertThat(cli.run("app", "list").exitCode()).isEqualTo(Main.OK);
    assertThat(gateway.last("GET", "/api/v1/applications").authorization())
        .isEqualTo("Bearer jwt-for-admin");
  }

  @Test
  void theGlobalConfigOptionKeepsTheLoginInThatFile() throws Exception {
    gateway.on("POST", "/api/v1/session", "{\"token\":\"jwt-elsewhere\"}");
    gateway.on("GET", "/api/v1/applications", LIST);
    Path file = config.resolve("other/quargo.yaml");

    CliRunner.Result login =
        cli.run(
            "--config",
            file.toString(),
            "login",
            gateway.address(),
            "--username",
            "admin",
            "--password",
            "pw");

    assertThat(login.exitCode()).as(login.err()).isEqualTo(Main.OK);
    assertThat(Files.readString(file)).contains("jwt-elsewhere");
    assertThat(config.resolve("config")).doesNotExist();
    assertThat(cli.run("app", "list", "--config", file.toString()).exitCode()).isEqualTo(Main.OK);
    assertThat(gateway.last("GET", "/api/v1/applications").authorization())
        .isEqualTo("Bearer jwt-elsewhere");
    // without --config, the default file has no login to use
    assertThat(cli.run("app", "list").exitCode()).isEqualTo(Main.FAILED);
  }

  @Test
  void logoutEndsTheSessionAndForgetsTheToken() throws Exception {
    gateway.on("POST", "/api/v1/session", "{\"token\":\"jwt-1\"}");
    gateway.on("DELETE", "/api/v1/session", "{}");
    gateway.on("GET", "/api/v1/applications", LIST);
    cli.run("login", gateway.address(), "--username", "admin", "--password", "pw");

    // argocd's `logout CONTEXT`: another context is refused and the token kept
    CliRunner.Result other = cli.run("logout", "elsewhere:8080");
    assertThat(other.exitCode()).isEqualTo(Main.FAILED);
    assertThat(other.err()).contains("context 'elsewhere:8080' does not exist");
    assertThat(Files.readString(config.resolve("config"))).contains("jwt-1");

    CliRunner.Result logout = cli.run("logout", gateway.address());

    assertThat(logout.exitCode()).as(logout.err()).isEqualTo(Main.OK);
    assertThat(gateway.last("DELETE", "/api/v1/session").authorization()).isEqualTo("Bearer jwt-1");
    assertThat(Files.readString(config.resolve("config"))).doesNotContain("jwt-1");
    cli.run("app", "list");
    assertThat(gateway.last("GET", "/api/v1/applications").authorization()).isNull();
  }

  @Test
  void flagsAndEnvironmentOverrideTheStoredServerAndToken() {
    gateway.on("GET", "/api/v1/applications", LIST);
    CliRunner fromEnv =
        new CliRunner(
            Map.of(
                "QUARGO_CONFIG_DIR", config.toString(),
                "QUARGO_SERVER", gateway.address(),
                "QUARGO_AUTH_TOKEN", "env-token"));

    assertThat(fromEnv.run("app", "list").exitCode()).isEqualTo(Main.OK);
    assertThat(gateway.last("GET", "/api/v1/applications").authorization())
        .isEqualTo("Bearer env-token");

    assertThat(
            cli.run("app", "list", "--server", gateway.address(), "--auth-token", "flag-token")
                .exitCode())
        .isEqualTo(Main.OK);
    assertThat(gateway.last("GET", "/api/v1/applications").authorization())
        .isEqualTo("Bearer flag-token");
  }

  @Test
  void aProblemIsPrintedWithItsFieldErrorsAndExitsOne() {
    gateway.problem(
        "POST",
        "/api/v1/applications",
        400,
        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"spec.destination.namespace is required\","
            + "\"errors\":[{\"field\":\"spec.destination.namespace\",\"message\":\"is required\"}]}");

    CliRunner.Result result =
        cli.run(
            "app",
            "create",
            "guestbook",
            "--server",
            gateway.address(),
            "--repo",
            "https://example.com/r.git",
            "--dest-server",
            "https://k8s");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err())
        .contains("error: Bad Request: spec.destination.namespace is required")
        .contains("  spec.destination.namespace: is required");
  }

  @Test
  void anUnauthorizedAnswerHintsAtLoggingIn() {
    gateway.problem(
        "GET",
        "/api/v1/applications",
        401,
        "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"the token has expired\"}");

    CliRunner.Result result = cli.run("app", "list", "--server", gateway.address());

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err())
        .contains("error: Unauthorized: the token has expired")
        .contains("quargo login");
  }

  @Test
  void noServerAtAllIsAFailureThatSaysHowToGiveOne() {
    CliRunner.Result result = cli.run("app", "list");

    assertThat(result.exitCode()).isEqualTo(Main.FAILED);
    assertThat(result.err()).contains("quargo login").contains("QUARGO_SERVER");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(cli.run("app", "list", "-o", "xml").exitCode()).isEqualTo(Main.USAGE);
    assertThat(cli.run("app", "get").exitCode()).isEqualTo(Main.USAGE);
    CliRunner.Result sync =
        cli.run("app", "sync", "guestbook", "--resource", "Deployment", "--server", "localhost:1");
    assertThat(sync.exitCode()).isEqualTo(Main.USAGE);
    assertThat(sync.err()).contains("GROUP:KIND:NAME");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void versionShowsClientAndServer() {
    gateway.on(
        "GET", "/api/version", "{\"Version\":\"v0.1.0-SNAPSHOT\",\"JavaVersion\":\"17.0.15\"}");

    CliRunner.Result result = cli.run("version", "--server", gateway.address());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out())
        .contains("quargo: v0.1.0")
        .contains("quargo-server: v0.1.0-SNAPSHOT")
        .contains("JavaVersion: 17.0.15");
    assertThat(cli.run("version", "--client").out()).doesNotContain("quargo-server");
  }
}
