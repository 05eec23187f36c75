package io.quargo.appcontroller.cluster;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.health;
import static io.quargo.appcontroller.application.AppFixtures.read;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.common.json.Json;
import io.quargo.devstack.sandbox.SandboxCluster;
import io.quargo.devstack.sandbox.SandboxOptions;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registered clusters as destinations: a second sandbox cluster (a simulation, like the first) is
 * registered over REST, an app synced to it lands there and not in the controller's own cluster,
 * and its credentials are stored sealed and never answered.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class ClusterDestinationTest {

  private static final Duration LONG = Duration.ofSeconds(60);
  private static SandboxCluster second;

  GitServer git;

  @Inject KubernetesClient inCluster;
  @Inject AgroalDataSource db;

  @BeforeAll
  static void startSecondCluster() {
    second =
        SandboxCluster.start(
            SandboxOptions.defaults().withPort(0).withSimulatorDelay(Duration.ofMillis(100)));
  }

  @AfterAll
  static void stopSecondCluster() {
    second.close();
  }

  @Test
  void guestbookSyncsToARegisteredClusterAndNotToTheControllersOwn() {
    String clusterName = unique("second");
    JsonNode registered =
        post(
            Json.mapper()
                .createObjectNode()
                .put("name", clusterName)
                .put("kubeconfig", second.kubeconfig()));
    assertThat(registered.path("server").asText()).isEqualTo(second.url());
    assertThat(registered.at("/connectionState/status").asText()).isEqualTo("Successful");

    String repo = guestbookRepo(git);
    String name = unique("remote-gb");
    String namespace = unique("remote");
    ObjectNode app = guestbookApp(name, git.url(repo), namespace);
    ObjectNode destination = (ObjectNode) app.at("/spec/destination");
    destination.remove("server");
    destination.put("name", clusterName);
    create(app);
    await().atMost(LONG).until(() -> "OutOfSync".equals(syncStatus(name)));

    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
    await()
        .atMost(LONG)
        .until(() -> "Synced".equals(syncStatus(name)) && "Healthy".equals(health(name)));

    assertThat(
            second
                .client()
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName("guestbook-ui")
                .get())
        .isNotNull();
    assertThat(second.client().services().inNamespace(namespace).withName("guestbook-ui").get())
        .isNotNull();
    assertThat(inCluster.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get())
        .isNull();
    assertThat(inCluster.namespaces().withName(namespace).get()).isNull();
  }

  @Test
  void aDestinationServerThatIsNotRegisteredIsAnInvalidSpecErrorNamingIt() {
    String repo = guestbookRepo(git);
    String name = unique("nowhere");
    String server = "https://nowhere-" + unique("c") + ".example:6443";
    ObjectNode app = guestbookApp(name, git.url(repo), unique("ns"));
    ((ObjectNode) app.at("/spec/destination")).put("server", server);
    create(app);

    await()
        .atMost(LONG)
        .until(
            () ->
                conditionMessages(get(name), "InvalidSpecError").stream()
                    .anyMatch(m -> m.contains(server) && m.contains("does not exist")));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(409);
  }

  @Test
  void credentialsAreSealedAtRestAndNeverAnswered() throws Exception {
    String token = "tok-" + unique("secret") + "-plaintext";
    // nothing listens on port 1: registered all the same, its connection state Failed
    String server = "https://127.0.0.1:1/sealed-" + unique("c");
    ObjectNode body =
        Json.mapper().createObjectNode().put("server", server).put("name", unique("s"));
    ObjectNode config = body.putObject("config").put("bearerToken", token);
    config.putObject("tlsClientConfig").put("insecure", true).put("keyData", "S0VZLURBVEE=");
    JsonNode created = post(body);
    assertThat(created.toString()).doesNotContain(token).doesNotContain("S0VZLURBVEE=");
    assertThat(created.at("/config/tlsClientConfig/insecure").asBoolean()).isTrue();
    // an unreachable server is registered, with a Failed connection state saying why
    assertThat(created.at("/connectionState/status").asText()).isEqualTo("Failed");

    String listed = given().get("/api/v1/clusters").then().statusCode(200).extract().asString();
    assertThat(listed).contains(server).contains("https://kubernetes.default.svc");
    assertThat(listed).doesNotContain(token);
    String one =
        given()
            .urlEncodingEnabled(false)
            .get("/api/v1/clusters/" + URLEncoder.encode(server, StandardCharsets.UTF_8))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(read(one).path("server").asText()).isEqualTo(server);
    assertThat(one).doesNotContain(token);

    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT * FROM app_controller.cluster WHERE server = ?")) {
      q.setString(1, server);
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).isTrue();
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
          all.append(row.getString(i)).append('|');
        }
        assertThat(all.toString()).doesNotContain(token).doesNotContain("S0VZLURBVEE=");
        assertThat(row.getString("config_sealed")).startsWith("v1:");
      }
    }

    given()
        .urlEncodingEnabled(false)
        .delete("/api/v1/clusters/" + URLEncoder.encode(server, StandardCharsets.UTF_8))
        .then()
        .statusCode(200);
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/clusters/" + URLEncoder.encode(server, StandardCharsets.UTF_8))
        .then()
        .statusCode(404);
  }

  @Test
  void badClusterBodiesAre400sNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\"}")
        .post("/api/v1/clusters")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"kubeconfig\":\"::: not yaml\"}")
        .post("/api/v1/clusters")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body("{\"server\":\"https://kubernetes.default.svc\",\"name\":\"again\"}")
        .post("/api/v1/clusters")
        .then()
        .statusCode(400);
  }

  private static JsonNode post(ObjectNode body) {
    return read(
        given()
            .contentType(ContentType.JSON)
            .body(body.toString())
            .post("/api/v1/clusters")
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  private static List<String> conditionMessages(JsonNode app, String type) {
    List<String> messages = new ArrayList<>();
    app.at("/status/conditions")
        .forEach(
            c -> {
              if (type.equals(c.path("type").asText())) {
                messages.add(c.path("message").asText());
              }
            });
    return messages;
  }
}
