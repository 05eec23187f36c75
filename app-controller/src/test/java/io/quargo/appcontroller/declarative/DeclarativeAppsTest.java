package io.quargo.appcontroller.declarative;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.get;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.health;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Application resources in the app namespace, end to end against the sandbox cluster (a
 * simulation), a real Git server, Kafka and PostgreSQL: import, update, status written back,
 * deletion with Argo's resources finalizer, the API-owned rule, and app of apps.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class DeclarativeAppsTest {

  private static final Duration LONG = Duration.ofSeconds(90);
  private static final String APP_NAMESPACE = "argocd";

  GitServer git;

  @Inject KubernetesClient client;

  @Test
  void anApplicationResourceIsImportedKeptInStepShowsItsStatusAndIsDeletedWithItsObjects() {
    String repo = guestbookRepo(git);
    String name = unique("cr");
    String namespace = unique("cr");
    ObjectNode resource = automated(guestbookApp(name, git.url(repo), namespace));
    ((ObjectNode) resource.get("metadata"))
        .putArray("finalizers")
        .add(Ownership.RESOURCES_FINALIZER);
    apply(resource);

    await()
        .atMost(LONG)
        .until(() -> "Synced".equals(syncStatus(name)) && "Healthy".equals(health(name)));
    assertThat(get(name).at("/metadata/annotations/" + escape(Ownership.ANNOTATION)).asText())
        .isEqualTo(Ownership.FROM_RESOURCE);
    assertThat(deployment(namespace)).isNotNull();
    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              Application cr = resource(name);
              assertThat(cr.getStatus()).isNotNull();
              assertThat(cr.getStatus().getSync().getStatus()).isEqualTo("Synced");
              assertThat(cr.getStatus().getHealth().getStatus()).isEqualTo("Healthy");
            });

    client
        .resources(Application.class)
        .inNamespace(APP_NAMESPACE)
        .withName(name)
        .edit(
            cr -> {
              cr.getSpec().setRevisionHistoryLimit(3L);
              return cr;
            });
    await().atMost(LONG).until(() -> get(name).at("/spec/revisionHistoryLimit").asLong() == 3);

    client.resources(Application.class).inNamespace(APP_NAMESPACE).withName(name).delete();
    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              given().get("/api/v1/applications/" + name).then().statusCode(404);
              assertThat(deployment(namespace)).isNull();
            });
  }

  @Test
  void anAppCreatedThroughTheApiStaysTheApis() {
    String repo = guestbookRepo(git);
    String name = unique("api-owned");
    create(guestbookApp(name, git.url(repo), unique("api")));
    ObjectNode rival = guestbookApp(name, git.url(repo), "elsewhere");
    ((ObjectNode) rival.at("/spec/source")).put("path", "other");
    apply(rival);
    // a resource applied after it is imported once the rival's event was handled (one informer)
    String witness = unique("witness");
    apply(guestbookApp(witness, git.url(repo), unique("w")));
    await().atMost(LONG).until(() -> exists(witness));

    JsonNode stored = get(name);
    assertThat(stored.at("/spec/source/path").asText()).isEqualTo("guestbook");
    assertThat(stored.at("/metadata/annotations/" + escape(Ownership.ANNOTATION)).isMissingNode())
        .isTrue();

    client.resources(Application.class).inNamespace(APP_NAMESPACE).withName(name).delete();
    client.resources(Application.class).inNamespace(APP_NAMESPACE).withName(witness).delete();
    await().atMost(LONG).until(() -> !exists(witness));
    assertThat(exists(name)).as("deleting the rival resource leaves the API's app").isTrue();
  }

  @Test
  void aParentAppSyncsItsChildrenAndPruningOneDeletesIt() {
    String guestbook = guestbookRepo(git);
    String a = unique("child-a");
    String b = unique("child-b");
    String nsA = unique("child-a");
    String nsB = unique("child-b");
    String apps = git.createUniqueRepo("apps");
    git.commit(
        apps,
        Map.of(
            "apps/" + a + ".yaml", yaml(child(a, git.url(guestbook), nsA)),
            "apps/" + b + ".yaml", yaml(child(b, git.url(guestbook), nsB))),
        "two children");
    String parent = unique("parent");
    ObjectNode parentApp = guestbookApp(parent, git.url(apps), APP_NAMESPACE);
    ((ObjectNode) parentApp.at("/spec/source")).put("path", "apps");
    create(parentApp);
    sync(parent, true);

    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              for (String child : List.of(a, b)) {
                assertThat(syncStatus(child)).as(child).isEqualTo("Synced");
                assertThat(health(child)).as(child).isEqualTo("Healthy");
              }
            });
    assertThat(deployment(nsA)).isNotNull();
    assertThat(deployment(nsB)).isNotNull();
    await()
        .atMost(LONG)
        .until(() -> "Synced".equals(syncStatus(parent)) && "Healthy".equals(health(parent)));

    git.delete(apps, "main", List.of("apps/" + b + ".yaml"), "child b retired");
    given().post("/api/v1/applications/" + parent + "/refresh").then().statusCode(200);
    sync(parent, true);

    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              assertThat(resourceOrNull(b)).isNull();
              given().get("/api/v1/applications/" + b).then().statusCode(404);
              assertThat(deployment(nsB)).as("the child's finalizer deletes its objects").isNull();
            });
    assertThat(exists(a)).isTrue();
    assertThat(deployment(nsA)).isNotNull();
  }

  @Test
  void anInvalidResourceIsNotImportedAndSaysWhy() {
    String name = unique("invalid");
    ObjectNode resource = guestbookApp(name, "git://nowhere/repo.git", unique("inv"));
    ((ObjectNode) resource.get("spec")).remove("source");
    apply(resource);

    await()
        .atMost(LONG)
        .untilAsserted(
            () -> {
              Application cr = resource(name);
              assertThat(cr.getStatus()).isNotNull();
              assertThat(cr.getStatus().getConditions()).hasSize(1);
              assertThat(cr.getStatus().getConditions().get(0).getType())
                  .isEqualTo("InvalidSpecError");
              assertThat(cr.getStatus().getConditions().get(0).getMessage())
                  .contains("spec.source");
            });
    assertThat(exists(name)).isFalse();
    client.resources(Application.class).inNamespace(APP_NAMESPACE).withName(name).delete();
  }

  /** A child Application in the app namespace: automated, with Argo's resources finalizer. */
  private static ObjectNode child(String name, String repoUrl, String namespace) {
    ObjectNode app = automated(guestbookApp(name, repoUrl, namespace));
    ObjectNode metadata = (ObjectNode) app.get("metadata");
    metadata.put("namespace", APP_NAMESPACE);
    metadata.putArray("finalizers").add(Ownership.RESOURCES_FINALIZER);
    return app;
  }

  private static ObjectNode automated(ObjectNode app) {
    ((ObjectNode) app.at("/spec/syncPolicy")).putObject("automated").put("prune", true);
    return app;
  }

  private void apply(ObjectNode app) {
    ((ObjectNode) app.get("metadata")).put("namespace", APP_NAMESPACE);
    client
        .resources(Application.class)
        .inNamespace(APP_NAMESPACE)
        .resource(Json.mapper().convertValue(app, Application.class))
        .create();
  }

  private Application resource(String name) {
    return client.resources(Application.class).inNamespace(APP_NAMESPACE).withName(name).get();
  }

  private Application resourceOrNull(String name) {
    return resource(name);
  }

  private Object deployment(String namespace) {
    return client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get();
  }

  private static boolean exists(String name) {
    return given().get("/api/v1/applications/" + name).statusCode() == 200;
  }

  private static void sync(String name, boolean prune) {
    given()
        .contentType(ContentType.JSON)
        .body("{\"prune\":" + prune + "}")
        .when()
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
  }

  private static String yaml(ObjectNode object) {
    return ManifestCodec.write(object);
  }

  private static String escape(String pointerSegment) {
    return pointerSegment.replace("~", "~0").replace("/", "~1");
  }
}
